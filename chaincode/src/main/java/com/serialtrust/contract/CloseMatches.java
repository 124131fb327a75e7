package com.serialtrust.contract;

import java.util.List;

/** Items whose serial is close to a typed one: look-alikes folded, within edit distance 2, nearest first. */
public record CloseMatches(String serial, String normalised, List<SerialMatch> matches, boolean truncated) {}
