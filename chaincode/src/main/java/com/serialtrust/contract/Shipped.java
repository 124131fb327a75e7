package com.serialtrust.contract;

import com.serialtrust.chaincode.ItemRef;
import java.util.List;

/** The items a shipment handed over. */
public record Shipped(List<ItemRef> shipped) {

    public Shipped {
        shipped = List.copyOf(shipped);
    }
}
