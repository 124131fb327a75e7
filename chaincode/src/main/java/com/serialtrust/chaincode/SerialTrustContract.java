package com.serialtrust.chaincode;

import com.serialtrust.contract.Suggestions;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The SerialTrust contract: every rule of the ledger. Permissions come from the caller's
 * certificate and the roles the authority granted its organisation, never from arguments.
 * Results are canonical JSON; refusals carry a code from {@link ErrorCode}.
 */
@Contract(name = "SerialTrust", info = @Info(title = "SerialTrust", version = "0.1.0",
        description = "Signed serial numbers, custody, theft, recall and warranty of physical items",
        license = @License(name = "Apache-2.0"), contact = @Contact(name = "SerialTrust")))
@Default
public final class SerialTrustContract implements ContractInterface, CustodyTransactions, AftercareTransactions {

    /** Fabric's context, with the caller's certificate read once per caller, not once per transaction ({@link Callers}). */
    @Override
    public Context createContext(final ChaincodeStub stub) {
        return Callers.context(stub);
    }

    /** Every result leaves through here, as canonical JSON. No state holds a signature: see {@link #GetLabels}. */
    private static String out(final Context ctx, final Object result) {
        return Json.text(result);
    }

    // --- the transactions of custody and ownership, and of theft, recall, warranty and owner contact, are
    // in CustodyTransactions and AftercareTransactions

    // --- governance

    /** Makes the configured first authority's admin the consortium authority; once only. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String BootstrapAuthority(final Context ctx) {
        return out(ctx, Governance.bootstrap(new Tx(ctx)));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String GrantRole(final Context ctx, final String mspId, final String role) {
        return out(ctx, Governance.setRole(new Tx(ctx), mspId, role, true));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevokeRole(final Context ctx, final String mspId, final String role) {
        return out(ctx, Governance.setRole(new Tx(ctx), mspId, role, false));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AssignPrefix(final Context ctx, final String mspId, final String prefix) {
        return out(ctx, Governance.assignPrefix(new Tx(ctx), mspId, prefix));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String WithdrawPrefix(final Context ctx, final String mspId, final String prefix) {
        return out(ctx, Governance.withdrawPrefix(new Tx(ctx), mspId, prefix));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetOrganisation(final Context ctx, final String mspId) {
        return out(ctx, Governance.get(new Tx(ctx), mspId));
    }

    // --- manufacturer keys

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterKey(final Context ctx, final String publicKey) {
        return out(ctx, KeyRegistry.register(new Tx(ctx), publicKey));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RotateKey(final Context ctx, final String keyId, final String newPublicKey) {
        return out(ctx, KeyRegistry.rotate(new Tx(ctx), keyId, newPublicKey));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevokeKey(final Context ctx, final String keyId) {
        return out(ctx, KeyRegistry.revoke(new Tx(ctx), keyId));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String DeclareKeyCompromised(final Context ctx, final String keyId, final String from) {
        return out(ctx, KeyRegistry.declareCompromised(new Tx(ctx), keyId, from));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetKey(final Context ctx, final String keyId) {
        return out(ctx, KeyRegistry.get(new Tx(ctx), keyId));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListKeys(final Context ctx, final String mspId) {
        final Tx tx = new Tx(ctx);
        return out(ctx, KeyRegistry.ofOrganisation(tx, Arguments.mspId("mspId", mspId)));
    }

    // --- product models and items

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterProduct(final Context ctx, final String gtin, final String name, final String warrantyMonths,
            final String serialScheme) {
        return out(ctx, ProductCatalogue.register(new Tx(ctx), gtin, name, warrantyMonths, serialScheme));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetProduct(final Context ctx, final String gtin) {
        return out(ctx, ProductCatalogue.get(new Tx(ctx), gtin));
    }

    /**
     * Replaces the links a product's brand serves through the resolver: a JSON array of {linkType, href,
     * title, hreflang?}; an empty array removes them. The product's manufacturer only.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String SetProductLinks(final Context ctx, final String gtin, final String links) {
        return out(ctx, BrandLinks.set(new Tx(ctx), gtin, links));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetProductLinks(final Context ctx, final String gtin) {
        return out(ctx, BrandLinks.get(new Tx(ctx), gtin));
    }

    /**
     * Registers 1 to 2,000 signed items: a JSON array of {gtin, serial, cpv?, lot?, productionDate?,
     * expiryDate?, keyId?}; their signatures, in the same order, in the transient field {@code signatures}.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterItems(final Context ctx, final String items) {
        return out(ctx, Registration.register(new Tx(ctx), items));
    }

    /**
     * Checks a batch as {@code RegisterItems} would (signatures in the same transient field) and writes
     * nothing: every item it would refuse, by index, in one round.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ValidateItems(final Context ctx, final String items) {
        return out(ctx, Registration.validate(new Tx(ctx), items));
    }

    /** An item; its public state holds a digest of its signature, never the signature. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetItem(final Context ctx, final String gtin, final String serial) {
        return out(ctx, new Tx(ctx).item(ItemRef.parse(gtin, serial)));
    }

    /**
     * The labels of items (a JSON array of 1 to 1,000 {gtin, serial}): their identifiers and signatures,
     * for their manufacturer only, read from its own private collection (so: on one of its own peers).
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetLabels(final Context ctx, final String items) {
        final Tx tx = new Tx(ctx);
        tx.require(Role.MANUFACTURER);
        final LabelSignatures.Reader labels = LabelSignatures.reader(tx);
        return out(ctx, Custody.refs("items", items, LabelSignatures.MAX_LABELS).stream()
                .map(ref -> labels.label(tx.item(ref))).toList());
    }

    // --- queries

    /**
     * Everything a verdict needs in one call. {@code elementString} is the label's data as its link
     * carries it, bracketed ({@code (01)...(10)...(21)...}); {@code signature} is the link's sig, or blank.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Verify(final Context ctx, final String elementString, final String signature) {
        return out(ctx, Verification.of(new Tx(ctx), Identifiers.element(elementString), signature));
    }

    /** An item's states, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetItemHistory(final Context ctx, final String gtin, final String serial) {
        return out(ctx, Queries.history(new Tx(ctx), ItemRef.parse(gtin, serial)));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListItemsByLot(final Context ctx, final String gtin, final String lot, final String pageSize,
            final String bookmark) {
        return out(ctx, Queries.byLot(new Tx(ctx), gtin, lot, pageSize, bookmark));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListItemsContaining(final Context ctx, final String gtin, final String serial) {
        return out(ctx, Queries.containing(new Tx(ctx), ItemRef.parse(gtin, serial)));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListComponents(final Context ctx, final String gtin, final String serial) {
        final Tx tx = new Tx(ctx);
        final ItemRef ref = ItemRef.parse(gtin, serial);
        tx.item(ref);
        return out(ctx, Recalls.components(tx, ref));
    }

    /** Police check of a list of serials: a JSON array of {serial, gtin?}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String CheckSerials(final Context ctx, final String serials) {
        return out(ctx, Queries.check(new Tx(ctx), serials));
    }

    /**
     * What a typed serial of a GTIN may have meant: the registered serials of that GTIN that read the
     * same once look-alike characters are folded and separators dropped ({@code demo-OOO1} for
     * {@code DEMO-0001}), at most three. Public: it names only serials the caller nearly typed.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String SuggestSerials(final Context ctx, final String gtin, final String serial) {
        final Tx tx = new Tx(ctx);
        return out(ctx, new Suggestions(SearchIndex.sameWhenFolded(tx, ItemRef.parse(gtin, serial))));
    }

    /** Items whose serial is close to this one: look-alikes folded, within edit distance 2. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String FindCloseSerials(final Context ctx, final String serial) {
        return out(ctx, Queries.close(new Tx(ctx), serial));
    }

    // --- operations

    /**
     * The hashes of up to {@code limit} public keys after {@code after}, in key order: what an
     * organisation's read model compares itself with. For members holding a role; nothing private.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String AuditState(final Context ctx, final String after, final String limit) {
        return out(ctx, StateAudit.page(new Tx(ctx), after, Arguments.pageSize(limit)));
    }
}
