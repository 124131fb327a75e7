package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The private part of a theft report: where, and the police report number. It travels as transient
 * data (never in a block) with a random salt, so that its hash on the ledger reveals nothing.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TheftDetails(Optional<String> place, Optional<String> policeReport, String salt) {

    /** The transient field that carries it. */
    public static final String TRANSIENT_FIELD = "theftDetails";

    public TheftDetails {
        place = place == null ? Optional.empty() : place;
        policeReport = policeReport == null ? Optional.empty() : policeReport;
    }
}
