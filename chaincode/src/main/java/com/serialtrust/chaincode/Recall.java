package com.serialtrust.chaincode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recall notice, stored once. Which items it covers is decided when an item is read, from its
 * scope, so that a recall of 100,000 items is one write.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Recall(String id, String mspId, Scope scope, String notice, Instant issuedAt, Optional<Instant> withdrawnAt) {

    public Recall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(issuedAt, "issuedAt");
        withdrawnAt = withdrawnAt == null ? Optional.empty() : withdrawnAt;
    }

    /** What a recall covers: a GTIN, narrowed to a lot, a production date range or one serial. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Scope(
            String gtin, Optional<String> lot, Optional<String> serial, Optional<String> producedFrom,
            Optional<String> producedTo) {

        public Scope {
            lot = lot == null ? Optional.empty() : lot;
            serial = serial == null ? Optional.empty() : serial;
            producedFrom = producedFrom == null ? Optional.empty() : producedFrom;
            producedTo = producedTo == null ? Optional.empty() : producedTo;
        }

        /** LOT, SERIAL, PRODUCTION_DATE_RANGE or GTIN. */
        public String kind() {
            if (lot.isPresent()) {
                return "LOT";
            }
            if (serial.isPresent()) {
                return "SERIAL";
            }
            return producedFrom.isPresent() ? "PRODUCTION_DATE_RANGE" : "GTIN";
        }

        /** Whether the scope covers the item itself (the contract also applies it to the components in an item). */
        public boolean covers(final Item item) {
            if (!gtin.equals(item.gtin())) {
                return false;
            }
            if (lot.isPresent()) {
                return item.lot().equals(lot);
            }
            if (serial.isPresent()) {
                return serial.get().equals(item.serial());
            }
            if (producedFrom.isPresent()) {
                if (item.productionDate().isEmpty()) {
                    return false;
                }
                final int year = item.registeredAt().atZone(java.time.ZoneOffset.UTC).getYear();
                final java.time.LocalDate produced = com.serialtrust.gs1.Gs1Date.toLocalDate(item.productionDate().get(), year);
                return !produced.isBefore(java.time.LocalDate.parse(producedFrom.get()))
                        && !produced.isAfter(java.time.LocalDate.parse(producedTo.orElseThrow()));
            }
            return true;
        }
    }

    boolean active() {
        return withdrawnAt.isEmpty();
    }
}
