package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.serialtrust.chaincode.Item;
import java.time.Instant;
import java.util.Optional;

/** One change of an item, oldest first: when, in which transaction, and the state it left. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record HistoryEntry(String txId, Instant at, Optional<Item> item) {}
