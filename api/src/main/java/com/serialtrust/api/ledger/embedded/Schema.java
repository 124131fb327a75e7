package com.serialtrust.api.ledger.embedded;

import java.util.List;

/** The embedded ledger's tables. Keys are UTF-8 BLOBs so that SQLite orders them byte by byte. */
final class Schema {

    static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS state (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS private_state (collection TEXT NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL,"
                    + " PRIMARY KEY (collection, key)) WITHOUT ROWID",
            // every public write, in commit order: the history database, and the block's write set
            "CREATE TABLE IF NOT EXISTS history (key BLOB NOT NULL, block INTEGER NOT NULL, tx_id TEXT NOT NULL,"
                    + " at TEXT NOT NULL, value BLOB, PRIMARY KEY (key, block)) WITHOUT ROWID",
            "CREATE INDEX IF NOT EXISTS history_by_block ON history (block)",
            // private writes are chained by the hash of their value only, as on a Fabric block
            "CREATE TABLE IF NOT EXISTS private_writes (block INTEGER NOT NULL, collection TEXT NOT NULL, key BLOB NOT NULL,"
                    + " value_hash BLOB, PRIMARY KEY (block, collection, key)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS blocks (number INTEGER PRIMARY KEY, tx_id TEXT NOT NULL UNIQUE, at TEXT NOT NULL,"
                    + " writes_hash BLOB NOT NULL, previous_hash BLOB NOT NULL, hash BLOB NOT NULL,"
                    + " event_name TEXT, event_payload BLOB NOT NULL)");

    private Schema() {}
}
