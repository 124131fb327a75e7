package com.serialtrust.contract;

import com.serialtrust.chaincode.ItemRef;

/** An item reported stolen, with its theft report as the police see it. */
public record ItemTheft(ItemRef item, PoliceTheftView theft) {}
