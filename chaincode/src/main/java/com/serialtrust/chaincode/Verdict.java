package com.serialtrust.chaincode;

/** The one answer a verification gives. SUSPECT_COPY is set off the ledger, from scan analytics. */
public enum Verdict {
    GENUINE,
    UNREGISTERED,
    SIGNATURE_INVALID,
    STOLEN,
    RECALLED,
    DECOMMISSIONED,
    SUSPECT_COPY;

    /**
     * The ledger's verdict, most serious first: unknown to the ledger, a label whose signature is
     * not the registered one (or whose key was compromised before the item was registered), stolen,
     * destroyed, recalled, else genuine. A check without a signature judges the item alone.
     */
    static Verdict of(final boolean registered, final boolean signatureMismatch, final boolean keyTrusted,
            final boolean stolen, final boolean decommissioned, final boolean recalled) {
        if (!registered) {
            return UNREGISTERED;
        }
        if (signatureMismatch || !keyTrusted) {
            return SIGNATURE_INVALID;
        }
        if (stolen) {
            return STOLEN;
        }
        if (decommissioned) {
            return DECOMMISSIONED;
        }
        return recalled ? RECALLED : GENUINE;
    }
}
