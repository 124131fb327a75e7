package com.serialtrust.chaincode;

/** The composite keys of the ledger, in one place so that every index is easy to find. */
final class StateKeys {

    static final String ORG = "org";
    static final String PREFIX = "prefix";
    static final String KEY = "key";
    static final String ORG_KEY = "orgkey";
    static final String PRODUCT = "product";
    static final String PRODUCT_LINKS = "productlinks";
    static final String ITEM = "item";
    static final String LOT = "lot";
    static final String SERIAL = "serial";
    static final String NORMALISED = "norm";
    static final String SEGMENT = "nseg";
    static final String CHILD = "child";
    static final String STOLEN = "stolen";
    static final String THEFT_DETAILS = "theftdetails";
    static final String RECALL = "recall";
    static final String RECALL_BY_GTIN = "recallgtin";
    static final String SERVICE = "service";
    static final String CONFIG = "config";

    /**
     * Every object type of a public key, in order: since a composite key is its type between two zero
     * characters, keys grouped by type in this order are in the ledger's own key order.
     */
    static final java.util.List<String> TYPES = java.util.stream.Stream.of(ORG, PREFIX, KEY, ORG_KEY, PRODUCT, PRODUCT_LINKS, ITEM, LOT,
            SERIAL, NORMALISED, SEGMENT, CHILD, STOLEN, THEFT_DETAILS, RECALL, RECALL_BY_GTIN, SERVICE, CONFIG).sorted().toList();

    /** A registration batch's label signatures, in its manufacturer's implicit private collection. */
    static final String LABELS = "labels";

    /** The private data collection for owner contact details, readable by police only. */
    static final String CONTACT_COLLECTION = "ownerContact";

    private StateKeys() {}

    static String org(final Tx tx, final String mspId) {
        return tx.key(ORG, mspId);
    }

    static String item(final Tx tx, final ItemRef ref) {
        return tx.key(ITEM, ref.gtin(), ref.serial());
    }

    static String product(final Tx tx, final String gtin) {
        return tx.key(PRODUCT, gtin);
    }

    static String productLinks(final Tx tx, final String gtin) {
        return tx.key(PRODUCT_LINKS, gtin);
    }

    static String signingKey(final Tx tx, final String keyId) {
        return tx.key(KEY, keyId);
    }

    static String recall(final Tx tx, final String id) {
        return tx.key(RECALL, id);
    }

    static String bootstrap(final Tx tx) {
        return tx.key(CONFIG, "bootstrap");
    }
}
