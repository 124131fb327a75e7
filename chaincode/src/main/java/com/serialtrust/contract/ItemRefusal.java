package com.serialtrust.contract;

import com.serialtrust.chaincode.ErrorCode;

/** One item of a batch that the contract would refuse: its index in the batch, the rule's code, and why. */
public record ItemRefusal(int index, ErrorCode code, String message) {}
