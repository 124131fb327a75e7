package com.serialtrust.chaincode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What last happened to a state object, by whom and in which transaction: a timeline entry. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record LedgerEvent(String type, String txId, Instant at, String actor, Optional<String> detail) {

    public LedgerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        detail = detail == null ? Optional.empty() : detail;
    }
}
