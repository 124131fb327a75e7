package com.serialtrust.chaincode;

import java.util.Optional;

/** The one answer a verification gives. SUSPECT_COPY is set off the ledger, from scan analytics. */
public enum Verdict {
    GENUINE,
    UNREGISTERED,
    SIGNATURE_INVALID,
    SIGNATURE_MISSING,
    STOLEN,
    RECALLED,
    DECOMMISSIONED,
    SUSPECT_COPY;

    /**
     * The ledger's verdict. The item's flags come first (stolen, recalled, decommissioned), then the
     * label: a signature that is not the registered one, an identifier in the link that differs from
     * the registered item's, or a key compromised before the item was registered makes it
     * SIGNATURE_INVALID; a check that carried no signature is SIGNATURE_MISSING, never GENUINE.
     */
    static Verdict of(final boolean registered, final Optional<Verification.Reason> labelProblem,
            final boolean signaturePresented, final boolean stolen, final boolean decommissioned, final boolean recalled) {
        if (!registered) {
            return UNREGISTERED;
        }
        if (stolen) {
            return STOLEN;
        }
        if (recalled) {
            return RECALLED;
        }
        if (decommissioned) {
            return DECOMMISSIONED;
        }
        if (labelProblem.isPresent()) {
            return SIGNATURE_INVALID;
        }
        return signaturePresented ? GENUINE : SIGNATURE_MISSING;
    }
}
