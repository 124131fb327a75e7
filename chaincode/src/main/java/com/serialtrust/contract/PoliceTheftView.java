package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;

/** A theft as the police see it: the public report with its private details. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PoliceTheftView(String date, Instant reportedAt, String reportedBy, Optional<String> place,
        Optional<String> policeReport) {}
