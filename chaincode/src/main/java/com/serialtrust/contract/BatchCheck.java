package com.serialtrust.contract;

import java.util.List;

/** What registering a batch would refuse, item by item, in index order; empty when every item would register. */
public record BatchCheck(List<ItemRefusal> refusals) {

    public BatchCheck {
        refusals = List.copyOf(refusals);
    }
}
