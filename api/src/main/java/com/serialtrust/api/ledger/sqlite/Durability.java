package com.serialtrust.api.ledger.sqlite;

/**
 * How a commit of a {@link SqliteState} reaches the disk. Either way a {@code kill -9} loses no committed
 * transaction; a power cut may lose the last few with {@link #REBUILDABLE}, never the file's consistency,
 * so it suits a copy that can be read again from its source.
 */
public enum Durability {
    /** Each commit is synced to the disk before it returns (synchronous=FULL): a ledger of record. */
    EVERY_COMMIT("FULL"),
    /** Synced at WAL checkpoints (synchronous=NORMAL): a copy rebuilt from elsewhere after a power cut. */
    REBUILDABLE("NORMAL");

    private final String pragma;

    Durability(final String pragma) {
        this.pragma = pragma;
    }

    /** SQLite's {@code synchronous} setting for it. */
    String pragma() {
        return pragma;
    }
}
