package com.serialtrust.contract;

import com.serialtrust.chaincode.ErrorCode;

/** What is wrong with one line of a list: a code of {@link ErrorCode} and words. */
public record LineError(ErrorCode code, String message) {}
