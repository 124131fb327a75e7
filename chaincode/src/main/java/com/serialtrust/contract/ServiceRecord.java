package com.serialtrust.contract;

import java.time.Instant;
import java.util.List;

/** A repair or service on an item's record. */
public record ServiceRecord(String txId, Instant at, String mspId, String description, List<ReplacedPart> replacedParts) {}
