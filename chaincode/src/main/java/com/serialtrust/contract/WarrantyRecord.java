package com.serialtrust.contract;

import java.util.List;

/** An item's warranty and its service records, oldest first. */
public record WarrantyRecord(WarrantyStatus warranty, List<ServiceRecord> serviceRecords) {

    public WarrantyRecord {
        serviceRecords = List.copyOf(serviceRecords);
    }
}
