package com.serialtrust.contract;

/** What a label prints: the item's element string, exactly as the brand signed it, and the signature. */
public record ItemLabel(String gtin, String serial, String elementString, String signature) {}
