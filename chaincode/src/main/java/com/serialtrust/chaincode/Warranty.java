package com.serialtrust.chaincode;

import com.serialtrust.contract.ServiceRecord;
import com.serialtrust.contract.ServiceInput;
import com.serialtrust.contract.ReplacedPart;
import com.serialtrust.contract.WarrantyStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Warranty from the first retail sale, service records with replaced parts, and voiding. */
public final class Warranty {

    static final int MAX_PARTS = 50;

    private Warranty() {}





    static WarrantyStatus of(final Item item, final Optional<Product> product, final Instant now) {
        if (item.warrantyVoid().isPresent()) {
            return new WarrantyStatus("VOID", item.firstSoldAt().map(Warranty::date), Optional.empty(),
                    Optional.of(item.warrantyVoid().get().reason()));
        }
        if (item.firstSoldAt().isEmpty() || product.isEmpty()) {
            return new WarrantyStatus("NOT_ACTIVATED", Optional.empty(), Optional.empty(), Optional.empty());
        }
        final LocalDate from = date(item.firstSoldAt().get());
        final LocalDate until = from.plusMonths(product.get().warrantyMonths());
        final String status = date(now).isBefore(until) ? "ACTIVE" : "EXPIRED";
        return new WarrantyStatus(status, Optional.of(from), Optional.of(until), Optional.empty());
    }

    static ServiceRecord record(final Tx tx, final ItemRef ref, final String recordJson) {
        tx.require(Role.SERVICE);
        final Item item = tx.item(ref);
        if (item.status() == ItemStatus.DECOMMISSIONED) {
            throw ErrorCode.ILLEGAL_TRANSITION.failure(ref + " is decommissioned");
        }
        final ServiceInput input = Json.readArgument("record", recordJson, ServiceInput.class);
        if (input.replacedParts().size() > MAX_PARTS) {
            throw ErrorCode.LIMIT_EXCEEDED.failure("a service record lists at most " + MAX_PARTS + " parts");
        }
        final List<ReplacedPart> parts = new ArrayList<>();
        for (ReplacedPart part : input.replacedParts()) {
            if (part == null || part.removedSerial().isEmpty() && part.installedSerial().isEmpty()) {
                throw ErrorCode.INVALID_ARGUMENT.failure("a replaced part names the serial removed or installed");
            }
            for (Optional<String> serial : List.of(part.removedSerial(), part.installedSerial())) {
                if (serial.filter(v -> !com.serialtrust.gs1.Cset82.isValid(v, 20)).isPresent()) {
                    throw ErrorCode.SERIAL_INVALID.failure("a part serial is 1-20 characters of GS1 set 82");
                }
            }
            parts.add(new ReplacedPart(part.gtin().map(ProductCatalogue::gtin), part.removedSerial(), part.installedSerial()));
        }
        final ServiceRecord record = new ServiceRecord(tx.txId(), tx.now(), tx.mspId(),
                Arguments.text("description", input.description(), 1000), parts);
        tx.put(tx.key(StateKeys.SERVICE, ref.gtin(), ref.serial(), tx.txId()), record);
        tx.putItem(item.change().serviceRecords(item.serviceRecords() + 1).build(tx.event("SERVICED", Optional.empty())));
        tx.emit("ServiceRecorded", Map.of("item", ref, "by", tx.mspId(), "txId", tx.txId()));
        return record;
    }

    static Item voidWarranty(final Tx tx, final ItemRef ref, final String reasonArg) {
        final Item item = tx.item(ref);
        if (!item.manufacturer().equals(tx.mspId())) {
            tx.require(Role.SERVICE);
        }
        if (item.warrantyVoid().isPresent()) {
            throw ErrorCode.WARRANTY_ALREADY_VOID.failure("the warranty of " + ref + " is already void");
        }
        final String reason = Arguments.text("reason", reasonArg, 500);
        final Item voided = item.change().warrantyVoid(Optional.of(new WarrantyVoid(tx.now(), tx.mspId(), reason)))
                .build(tx.event("WARRANTY_VOIDED", Optional.of(reason)));
        tx.putItem(voided);
        tx.emit("WarrantyVoided", Map.of("item", ref, "by", tx.mspId(), "txId", tx.txId()));
        return voided;
    }

    static List<ServiceRecord> records(final Tx tx, final ItemRef ref) {
        final List<ServiceRecord> records = new ArrayList<>();
        for (String key : tx.keysUnder(StateKeys.SERVICE, 1000, ref.gtin(), ref.serial())) {
            tx.get(key, ServiceRecord.class).ifPresent(records::add);
        }
        records.sort(java.util.Comparator.comparing(ServiceRecord::at).thenComparing(ServiceRecord::txId));
        return records;
    }

    private static LocalDate date(final Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
