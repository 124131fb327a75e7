package com.serialtrust.contract;

import java.util.List;

/**
 * A page of the public world state as hashes, in key order, for comparing one copy of the state with
 * another (the api's read model with a peer's) without sending the values.
 *
 * @param entries each key with the SHA-256 of its value, in hex
 * @param done whether no key follows the last one
 */
public record StatePage(List<Entry> entries, boolean done) {

    public StatePage {
        entries = List.copyOf(entries);
    }

    /** A key and the SHA-256 of its value, in lower-case hex. */
    public record Entry(String key, String sha256) {}
}
