package com.serialtrust.chaincode;

import java.util.Optional;

/**
 * Settings that each organisation gives its own chaincode server. The first authority is named
 * here, not by a transaction argument: because the endorsement policy needs peers of several
 * organisations, a bootstrap is endorsed only if those organisations configured the same
 * authority, so nobody can seize the role by calling first.
 */
final class ConsortiumSettings {

    static final String AUTHORITY_ENV = "SERIALTRUST_AUTHORITY_MSPID";
    static final String AUTHORITY_PROPERTY = "serialtrust.authority-msp-id";

    private ConsortiumSettings() {}

    static Optional<String> authorityMspId() {
        final String fromProperty = System.getProperty(AUTHORITY_PROPERTY);
        final String value = fromProperty != null ? fromProperty : System.getenv(AUTHORITY_ENV);
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
