package com.serialtrust.contract;

/** A theft report's public argument: the date of the theft, nothing else. */
public record TheftReportInput(String date) {}
