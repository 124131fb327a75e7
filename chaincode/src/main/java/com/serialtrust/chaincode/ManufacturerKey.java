package com.serialtrust.chaincode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A manufacturer's P-256 signing key. A retired (rotated) or revoked key signs no new items but
 * its earlier items stay valid, unless the key is declared compromised from a time: items
 * registered with it from then on are no longer trusted.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ManufacturerKey(
        String keyId,
        String mspId,
        String publicKey,
        Status status,
        Instant registeredAt,
        Optional<Instant> retiredAt,
        Optional<String> replacedBy,
        Optional<Instant> compromisedFrom) {

    /** Whether a key may sign new items. */
    public enum Status {
        ACTIVE,
        RETIRED,
        REVOKED
    }

    public ManufacturerKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
        retiredAt = retiredAt == null ? Optional.empty() : retiredAt;
        replacedBy = replacedBy == null ? Optional.empty() : replacedBy;
        compromisedFrom = compromisedFrom == null ? Optional.empty() : compromisedFrom;
    }

    ManufacturerKey retire(final Status next, final Instant at, final Optional<String> successor) {
        return new ManufacturerKey(keyId, mspId, publicKey, next, registeredAt, Optional.of(at), successor, compromisedFrom);
    }

    ManufacturerKey compromised(final Instant from, final Instant now) {
        return new ManufacturerKey(keyId, mspId, publicKey, Status.REVOKED, registeredAt,
                Optional.of(retiredAt.orElse(now)), replacedBy, Optional.of(from));
    }

    /** Whether an item registered with this key at the given time is still to be trusted. */
    boolean trusts(final Instant itemRegisteredAt) {
        return compromisedFrom.map(itemRegisteredAt::isBefore).orElse(true);
    }
}
