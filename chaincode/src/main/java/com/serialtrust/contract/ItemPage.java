package com.serialtrust.contract;

import com.serialtrust.chaincode.Item;
import java.util.List;

/** A page of items and the bookmark that continues it (empty on the last page). */
public record ItemPage(List<Item> items, String bookmark) {}
