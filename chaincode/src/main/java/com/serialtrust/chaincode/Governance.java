package com.serialtrust.chaincode;

import com.serialtrust.contract.ChaincodeSettings;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** The consortium's rules: who the authority is, which roles and GS1 prefixes each member holds. */
final class Governance {

    private static final Pattern COMPANY_PREFIX = Pattern.compile("[0-9]{4,12}");

    private Governance() {}

    record Bootstrap(String authorityMspId, Instant at, String txId) {}

    static Organisation bootstrap(final Tx tx) {
        if (tx.exists(StateKeys.bootstrap(tx))) {
            throw ErrorCode.ALREADY_BOOTSTRAPPED.failure("the consortium already has its first authority");
        }
        final String configured = ChaincodeSettings.current().authorityMspId().orElseThrow(() -> ErrorCode.BOOTSTRAP_REFUSED
                .failure("this peer's chaincode has no " + ChaincodeSettings.AUTHORITY_ENV + " configured"));
        if (!configured.equals(tx.mspId())) {
            throw ErrorCode.BOOTSTRAP_REFUSED.failure(tx.mspId() + " is not the configured first authority");
        }
        if (!tx.callerIsAdmin()) {
            throw ErrorCode.BOOTSTRAP_REFUSED.failure("only an admin identity of " + configured + " may bootstrap");
        }
        tx.put(StateKeys.bootstrap(tx), new Bootstrap(configured, tx.now(), tx.txId()));
        final Organisation authority = tx.callerOrganisation().withRole(Role.AUTHORITY, true, tx.now());
        tx.put(StateKeys.org(tx, configured), authority);
        tx.emit("AuthorityBootstrapped", Map.of("mspId", configured, "txId", tx.txId()));
        return authority;
    }

    static Organisation setRole(final Tx tx, final String mspIdArg, final String roleArg, final boolean granted) {
        tx.require(Role.AUTHORITY);
        final String mspId = Arguments.mspId("mspId", mspIdArg);
        final Role role = Arguments.oneOf("role", roleArg, Role.class);
        if (!granted && role == Role.AUTHORITY && mspId.equals(tx.mspId())) {
            throw ErrorCode.NOT_AUTHORISED.failure("an authority cannot remove its own authority");
        }
        final Organisation org = organisation(tx, mspId).withRole(role, granted, tx.now());
        tx.put(StateKeys.org(tx, mspId), org);
        tx.emit(granted ? "RoleGranted" : "RoleRevoked", Map.of("mspId", mspId, "role", role, "txId", tx.txId()));
        return org;
    }

    static Organisation assignPrefix(final Tx tx, final String mspIdArg, final String prefixArg) {
        tx.require(Role.AUTHORITY);
        final String mspId = Arguments.mspId("mspId", mspIdArg);
        final String prefix = companyPrefix(prefixArg);
        for (String key : tx.keysUnder(StateKeys.PREFIX, Integer.MAX_VALUE)) {
            final String taken = tx.attributes(key).get(0);
            if (taken.startsWith(prefix) || prefix.startsWith(taken)) {
                throw ErrorCode.PREFIX_TAKEN.failure("prefix " + prefix + " overlaps the assigned prefix " + taken);
            }
        }
        final Organisation org = organisation(tx, mspId).withPrefix(prefix, true, tx.now());
        tx.put(StateKeys.org(tx, mspId), org);
        tx.put(tx.key(StateKeys.PREFIX, prefix), Map.of("mspId", mspId));
        tx.emit("PrefixAssigned", Map.of("mspId", mspId, "prefix", prefix, "txId", tx.txId()));
        return org;
    }

    static Organisation withdrawPrefix(final Tx tx, final String mspIdArg, final String prefixArg) {
        tx.require(Role.AUTHORITY);
        final String mspId = Arguments.mspId("mspId", mspIdArg);
        final String prefix = companyPrefix(prefixArg);
        final Organisation current = organisation(tx, mspId);
        if (!current.prefixes().contains(prefix)) {
            throw ErrorCode.PREFIX_INVALID.failure(mspId + " does not hold the prefix " + prefix);
        }
        final Organisation org = current.withPrefix(prefix, false, tx.now());
        tx.put(StateKeys.org(tx, mspId), org);
        tx.delete(tx.key(StateKeys.PREFIX, prefix));
        tx.emit("PrefixWithdrawn", Map.of("mspId", mspId, "prefix", prefix, "txId", tx.txId()));
        return org;
    }

    static Organisation get(final Tx tx, final String mspIdArg) {
        final String mspId = Arguments.mspId("mspId", mspIdArg);
        return tx.get(StateKeys.org(tx, mspId), Organisation.class)
                .orElseThrow(() -> ErrorCode.ORGANISATION_NOT_FOUND.failure("no organisation " + mspId));
    }

    private static Organisation organisation(final Tx tx, final String mspId) {
        return tx.get(StateKeys.org(tx, mspId), Organisation.class).orElse(Organisation.empty(mspId, tx.now()));
    }

    private static String companyPrefix(final String value) {
        if (value == null || !COMPANY_PREFIX.matcher(value).matches()) {
            throw ErrorCode.PREFIX_INVALID.failure("a GS1 company prefix is 4 to 12 digits");
        }
        return value;
    }
}
