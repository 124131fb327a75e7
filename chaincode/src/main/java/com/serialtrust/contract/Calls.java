package com.serialtrust.contract;

import com.serialtrust.chaincode.AppliedRecall;
import com.serialtrust.chaincode.Item;
import com.serialtrust.chaincode.ItemRef;
import com.serialtrust.chaincode.Json;
import com.serialtrust.chaincode.ManufacturerKey;
import com.serialtrust.chaincode.Organisation;
import com.serialtrust.chaincode.Product;
import com.serialtrust.chaincode.ProductLinks;
import com.serialtrust.chaincode.Recall;
import com.serialtrust.chaincode.Role;
import com.serialtrust.chaincode.Verification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The calls of the contract's transactions, typed by what each returns: the api builds every call it
 * makes here, so that a transaction's arguments, transient fields and result type are written once,
 * beside its name. JSON arguments are written in the contract's canonical form.
 */
public final class Calls {

    private Calls() {}

    // --- governance

    public static Call<Organisation> bootstrapAuthority() {
        return Call.of(Transaction.BOOTSTRAP_AUTHORITY, new TypeReference<>() {});
    }

    public static Call<Organisation> grantRole(final String mspId, final Role role) {
        return Call.of(Transaction.GRANT_ROLE, new TypeReference<>() {}, mspId, role.name());
    }

    public static Call<Organisation> assignPrefix(final String mspId, final String prefix) {
        return Call.of(Transaction.ASSIGN_PREFIX, new TypeReference<>() {}, mspId, prefix);
    }

    public static Call<Organisation> getOrganisation(final String mspId) {
        return Call.of(Transaction.GET_ORGANISATION, new TypeReference<>() {}, mspId);
    }

    // --- manufacturer keys

    /** Registers a public key: PEM, or the base64 of its DER SubjectPublicKeyInfo. */
    public static Call<ManufacturerKey> registerKey(final String publicKey) {
        return Call.of(Transaction.REGISTER_KEY, new TypeReference<>() {}, publicKey);
    }

    public static Call<ManufacturerKey> rotateKey(final String keyId, final String newPublicKey) {
        return Call.of(Transaction.ROTATE_KEY, new TypeReference<>() {}, keyId, newPublicKey);
    }

    public static Call<ManufacturerKey> revokeKey(final String keyId) {
        return Call.of(Transaction.REVOKE_KEY, new TypeReference<>() {}, keyId);
    }

    /** Declares a key compromised from an ISO-8601 instant: labels it signed after that are not genuine. */
    public static Call<ManufacturerKey> declareKeyCompromised(final String keyId, final String from) {
        return Call.of(Transaction.DECLARE_KEY_COMPROMISED, new TypeReference<>() {}, keyId, from);
    }

    public static Call<List<ManufacturerKey>> listKeys(final String mspId) {
        return Call.of(Transaction.LIST_KEYS, new TypeReference<>() {}, mspId);
    }

    // --- product models and items

    /** A product model; {@code serialScheme} is GS1, IMEI or VIN. */
    public static Call<Product> registerProduct(final String gtin, final String name, final int warrantyMonths,
            final String serialScheme) {
        return Call.of(Transaction.REGISTER_PRODUCT, new TypeReference<>() {}, gtin, name, Integer.toString(warrantyMonths),
                serialScheme);
    }

    /** A product model by its GTIN: public, as GS1 product data is. */
    public static Call<Product> getProduct(final String gtin) {
        return Call.of(Transaction.GET_PRODUCT, new TypeReference<>() {}, gtin);
    }

    /** Replaces the links the product's brand serves through the resolver (none: removes them). */
    public static Call<ProductLinks> setProductLinks(final String gtin, final List<BrandLink> links) {
        return Call.of(Transaction.SET_PRODUCT_LINKS, new TypeReference<>() {}, gtin, Json.text(links));
    }

    public static Call<ProductLinks> getProductLinks(final String gtin) {
        return Call.of(Transaction.GET_PRODUCT_LINKS, new TypeReference<>() {}, gtin);
    }

    /**
     * Registers a batch of items; their signatures travel beside it as transient data, in batch order,
     * for the brand's own private collection only ({@link Call#callersOwnSecrets()}).
     */
    public static Call<Registered> registerItems(final List<ItemInput> items, final List<String> signatures) {
        return batch(Transaction.REGISTER_ITEMS, items, signatures, new TypeReference<>() {}, true);
    }

    /** What registering this batch would refuse, item by item, written nowhere (signatures as for {@link #registerItems}). */
    public static Call<BatchCheck> validateItems(final List<ItemInput> items, final List<String> signatures) {
        return batch(Transaction.VALIDATE_ITEMS, items, signatures, new TypeReference<>() {}, false);
    }

    /** A batch as the contract takes it: the items as the argument, their signatures as transient data, in order. */
    private static <R> Call<R> batch(final Transaction transaction, final List<ItemInput> items, final List<String> signatures,
            final TypeReference<R> result, final boolean callersOwnSecrets) {
        return new Call<>(transaction, List.of(Json.text(items)), Map.of(ItemInput.SIGNATURES_FIELD, Json.bytes(signatures)),
                result, callersOwnSecrets);
    }

    public static Call<Item> getItem(final ItemRef item) {
        return Call.of(Transaction.GET_ITEM, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    /** The labels of 1 to 1,000 items, for their manufacturer only. */
    public static Call<List<ItemLabel>> getLabels(final List<ItemRef> items) {
        return Call.of(Transaction.GET_LABELS, new TypeReference<>() {}, Json.text(items));
    }

    // --- custody and ownership

    public static Call<Shipped> shipItems(final List<ItemRef> items, final String toMspId) {
        return Call.of(Transaction.SHIP_ITEMS, new TypeReference<>() {}, Json.text(items), toMspId);
    }

    public static Call<Received> receiveItems(final List<ItemRef> items) {
        return Call.of(Transaction.RECEIVE_ITEMS, new TypeReference<>() {}, Json.text(items));
    }

    /** Sells to a consumer, recording only a commitment to the owner's secret or key. */
    public static Call<Item> sellItem(final ItemRef item, final String ownerCommitment) {
        return Call.of(Transaction.SELL_ITEM, new TypeReference<>() {}, item.gtin(), item.serial(), ownerCommitment);
    }

    /** A retailer takes an item back; the owner's proof goes in transient data ({@link Call#withTransient}). */
    public static Call<Item> returnItem(final ItemRef item) {
        return Call.of(Transaction.RETURN_ITEM, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    public static Call<Item> claimOwnership(final ItemRef item, final String newOwnerCommitment) {
        return Call.of(Transaction.CLAIM_OWNERSHIP, new TypeReference<>() {}, item.gtin(), item.serial(), newOwnerCommitment);
    }

    public static Call<Item> transferOwnership(final ItemRef item, final String newOwnerCommitment) {
        return Call.of(Transaction.TRANSFER_OWNERSHIP, new TypeReference<>() {}, item.gtin(), item.serial(),
                newOwnerCommitment);
    }

    public static Call<Item> decommissionItem(final ItemRef item, final String reason) {
        return Call.of(Transaction.DECOMMISSION_ITEM, new TypeReference<>() {}, item.gtin(), item.serial(), reason);
    }

    public static Call<Item> linkComponents(final ItemRef item, final List<ItemRef> components) {
        return Call.of(Transaction.LINK_COMPONENTS, new TypeReference<>() {}, item.gtin(), item.serial(),
                Json.text(components));
    }

    // --- theft

    /** The owner (proof in transient data) or the custodian reports a theft; its details stay private. */
    public static Call<Item> reportTheft(final ItemRef item, final TheftReportInput report, final Optional<TheftDetails> details) {
        return Call.of(Transaction.REPORT_THEFT, new TypeReference<Item>() {}, item.gtin(), item.serial(), Json.text(report))
                .withTransient(theftDetails(details));
    }

    public static Call<Item> flagStolen(final ItemRef item, final TheftReportInput report, final Optional<TheftDetails> details) {
        return Call.of(Transaction.FLAG_STOLEN, new TypeReference<Item>() {}, item.gtin(), item.serial(), Json.text(report))
                .withTransient(theftDetails(details));
    }

    public static Call<Item> clearTheft(final ItemRef item, final String note) {
        return Call.of(Transaction.CLEAR_THEFT, new TypeReference<>() {}, item.gtin(), item.serial(), note);
    }

    public static Call<PoliceTheftView> getTheftReport(final ItemRef item) {
        return Call.of(Transaction.GET_THEFT_REPORT, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    /** The theft reports, with private details, of those items that are reported stolen; police only. */
    public static Call<List<ItemTheft>> getTheftReports(final List<ItemRef> items) {
        return Call.of(Transaction.GET_THEFT_REPORTS, new TypeReference<>() {}, Json.text(items));
    }

    public static Call<ItemPage> listStolenItems(final int pageSize, final String bookmark) {
        return Call.of(Transaction.LIST_STOLEN_ITEMS, new TypeReference<>() {}, Integer.toString(pageSize), bookmark);
    }

    private static Map<String, byte[]> theftDetails(final Optional<TheftDetails> details) {
        return details.map(d -> Map.of(TheftDetails.TRANSIENT_FIELD, Json.bytes(d))).orElse(Map.of());
    }

    // --- recall

    /** Issues a recall; its scope (a {@link Recall.Scope} as the caller wrote it) is read strictly by the contract. */
    public static Call<Recall> issueRecall(final JsonNode scope, final String notice) {
        return Call.of(Transaction.ISSUE_RECALL, new TypeReference<>() {}, Json.text(scope), notice);
    }

    public static Call<Recall> withdrawRecall(final String recallId) {
        return Call.of(Transaction.WITHDRAW_RECALL, new TypeReference<>() {}, recallId);
    }

    public static Call<Recall> getRecall(final String recallId) {
        return Call.of(Transaction.GET_RECALL, new TypeReference<>() {}, recallId);
    }

    public static Call<List<Recall>> listRecalls(final String gtin) {
        return Call.of(Transaction.LIST_RECALLS, new TypeReference<>() {}, gtin);
    }

    public static Call<List<AppliedRecall>> listItemRecalls(final ItemRef item) {
        return Call.of(Transaction.LIST_ITEM_RECALLS, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    // --- warranty and service

    public static Call<ServiceRecord> recordService(final ItemRef item, final ServiceInput record) {
        return Call.of(Transaction.RECORD_SERVICE, new TypeReference<>() {}, item.gtin(), item.serial(), Json.text(record));
    }

    public static Call<Item> voidWarranty(final ItemRef item, final String reason) {
        return Call.of(Transaction.VOID_WARRANTY, new TypeReference<>() {}, item.gtin(), item.serial(), reason);
    }

    public static Call<WarrantyRecord> getWarranty(final ItemRef item) {
        return Call.of(Transaction.GET_WARRANTY, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    // --- owner contact (private data)

    /** The owner leaves contact details (a JSON object) for the police only; the proof goes in transient data too. */
    public static Call<Map<String, Object>> setOwnerContact(final ItemRef item, final String contactJson) {
        return Call.of(Transaction.SET_OWNER_CONTACT, new TypeReference<Map<String, Object>>() {}, item.gtin(), item.serial())
                .withTransient(Map.of("contact", contactJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** The owner's contact details as the owner gave them: a JSON object, for the police. */
    public static Call<JsonNode> getOwnerContact(final ItemRef item) {
        return Call.of(Transaction.GET_OWNER_CONTACT, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    // --- queries

    /**
     * Everything a verdict needs: {@code elementString} is the label's data as its link carries it,
     * bracketed; {@code signature} the link's {@code sig}, blank when the check carried none.
     */
    public static Call<Verification> verify(final String elementString, final String signature) {
        return Call.of(Transaction.VERIFY, new TypeReference<>() {}, elementString, signature);
    }

    public static Call<List<HistoryEntry>> getItemHistory(final ItemRef item) {
        return Call.of(Transaction.GET_ITEM_HISTORY, new TypeReference<>() {}, item.gtin(), item.serial());
    }

    public static Call<ItemPage> listItemsByLot(final String gtin, final String lot, final int pageSize, final String bookmark) {
        return Call.of(Transaction.LIST_ITEMS_BY_LOT, new TypeReference<>() {}, gtin, lot, Integer.toString(pageSize), bookmark);
    }

    /** A police check of a list of serials, each with its GTIN if known. */
    public static Call<List<SerialCheckResult>> checkSerials(final List<SerialCheck> serials) {
        return Call.of(Transaction.CHECK_SERIALS, new TypeReference<>() {}, Json.text(serials));
    }

    /** The registered serials of a GTIN that a typed one may have meant. */
    public static Call<Suggestions> suggestSerials(final String gtin, final String serial) {
        return Call.of(Transaction.SUGGEST_SERIALS, new TypeReference<>() {}, gtin, serial);
    }

    public static Call<CloseMatches> findCloseSerials(final String serial) {
        return Call.of(Transaction.FIND_CLOSE_SERIALS, new TypeReference<>() {}, serial);
    }

    // --- operations

    /** The hashes of up to {@code limit} public keys after {@code after} (from the first if empty), in key order. */
    public static Call<StatePage> auditState(final String after, final int limit) {
        return Call.of(Transaction.AUDIT_STATE, new TypeReference<>() {}, after, Integer.toString(limit));
    }
}
