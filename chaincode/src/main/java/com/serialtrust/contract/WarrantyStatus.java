package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Optional;

/** The warranty as a verdict shows it. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record WarrantyStatus(String status, Optional<LocalDate> from, Optional<LocalDate> until, Optional<String> voidReason) {}
