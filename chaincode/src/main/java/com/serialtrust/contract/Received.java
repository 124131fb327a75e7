package com.serialtrust.contract;

import com.serialtrust.chaincode.ItemRef;
import java.util.List;

/** The items a receipt took into custody. */
public record Received(List<ItemRef> received) {

    public Received {
        received = List.copyOf(received);
    }
}
