package com.serialtrust.chaincode;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A theft report on an item. The place is coarse (a town or district) and the reporter is
 * {@code OWNER} or an organisation's MSP id: no personal data is kept on public state.
 */
public record Theft(
        Instant reportedAt, String reportedBy, String date, String place, Optional<String> policeReport) {

    public Theft {
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(place, "place");
        policeReport = policeReport == null ? Optional.empty() : policeReport;
    }
}
