package com.serialtrust.contract;

/** A registered batch: how many items, in which transaction. */
public record Registered(int registered, String txId) {}
