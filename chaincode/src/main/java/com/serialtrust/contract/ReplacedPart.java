package com.serialtrust.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/** A replaced part: the serial taken out, the serial put in (either may be unknown), and its GTIN if known. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ReplacedPart(Optional<String> gtin, Optional<String> removedSerial, Optional<String> installedSerial) {
    public ReplacedPart {
        gtin = gtin == null ? Optional.empty() : gtin;
        removedSerial = removedSerial == null ? Optional.empty() : removedSerial;
        installedSerial = installedSerial == null ? Optional.empty() : installedSerial;
    }
}
