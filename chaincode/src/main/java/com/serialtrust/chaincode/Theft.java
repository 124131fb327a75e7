package com.serialtrust.chaincode;

import java.time.Instant;
import java.util.Objects;

/**
 * A theft report on an item, as public state holds it: when it was reported, by whom ({@code OWNER}
 * or an organisation's MSP id) and the date of the theft. Where it happened and the police report
 * number are private ({@link TheftRegister.Details}): public state holds no place and no personal data.
 */
public record Theft(Instant reportedAt, String reportedBy, String date) {

    public Theft {
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(date, "date");
    }
}
