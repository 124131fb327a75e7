package com.serialtrust.api.ledger.embedded;

import com.serialtrust.contract.Transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serialtrust.api.ledger.Ledger;
import com.serialtrust.api.ledger.LedgerRefusal;
import com.serialtrust.api.ledger.Organisation;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The embedded ledger: the contract's rules, SQLite's durability, and an audit that notices tampering. */
class EmbeddedLedgerTests {

    static final Organisation AUTHORITY = new Organisation("authority", "AuthorityMSP");
    static final Organisation BRAND = new Organisation("brand", "BrandMSP");
    static final Organisation RETAIL = new Organisation("retail", "RetailMSP");

    @TempDir
    Path dir;

    private EmbeddedLedger open() {
        return new EmbeddedLedger(dir, "AuthorityMSP", Clock.systemUTC());
    }

    private static Ledger.Committed submit(final Ledger ledger, final Organisation as, final Transaction fn, final String... args) {
        return ledger.submit(as, fn, List.of(args), Map.of()).block();
    }

    private static void governance(final Ledger ledger) {
        submit(ledger, AUTHORITY, Transaction.BOOTSTRAP_AUTHORITY);
        submit(ledger, AUTHORITY, Transaction.GRANT_ROLE, "BrandMSP", "MANUFACTURER");
        submit(ledger, AUTHORITY, Transaction.ASSIGN_PREFIX, "BrandMSP", "9520123");
    }

    @Test
    void committedTransactionsSurviveARestartAndKeepTheirBlocks() {
        final String txId;
        try (EmbeddedLedger ledger = open()) {
            governance(ledger);
            txId = submit(ledger, AUTHORITY, Transaction.GRANT_ROLE, "RetailMSP", "RETAILER").txId();
            assertThat(ledger.height()).isEqualTo(3);
        }
        try (EmbeddedLedger reopened = open()) {
            assertThat(reopened.height()).isEqualTo(3);
            assertThat(reopened.blockOf(txId).block()).isEqualTo(3L);
            final String org = new String(reopened.evaluate(RETAIL, Transaction.GET_ORGANISATION, List.of("RetailMSP")).block());
            assertThat(org).contains("RETAILER");
            // the chaincode's rules hold across restarts: the authority exists already
            assertThatThrownBy(() -> submit(reopened, AUTHORITY, Transaction.BOOTSTRAP_AUTHORITY))
                    .isInstanceOfSatisfying(LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo("ALREADY_BOOTSTRAPPED"));
            assertThat(reopened.height()).as("a refusal commits nothing").isEqualTo(3);
        }
    }

    @Test
    void twoLedgersInOneProcessEachKeepTheAuthorityTheyWereGiven(@TempDir final Path other) {
        final Organisation brandAdmin = new Organisation("brand", "BrandMSP");
        try (EmbeddedLedger first = open();
                EmbeddedLedger second = new EmbeddedLedger(other, "BrandMSP", Clock.systemUTC())) {
            assertThatThrownBy(() -> submit(second, AUTHORITY, Transaction.BOOTSTRAP_AUTHORITY))
                    .isInstanceOfSatisfying(LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo("BOOTSTRAP_REFUSED"));
            submit(second, brandAdmin, Transaction.BOOTSTRAP_AUTHORITY);
            // opening the second changed nothing for the first
            assertThatThrownBy(() -> submit(first, brandAdmin, Transaction.BOOTSTRAP_AUTHORITY))
                    .isInstanceOfSatisfying(LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo("BOOTSTRAP_REFUSED"));
            submit(first, AUTHORITY, Transaction.BOOTSTRAP_AUTHORITY);
        }
    }

    @Test
    void refusalsCarryTheContractsCode() {
        try (EmbeddedLedger ledger = open()) {
            StepVerifier.create(ledger.submit(RETAIL, Transaction.GRANT_ROLE, List.of("RetailMSP", "MANUFACTURER"), Map.of()))
                    .expectErrorSatisfies(e -> assertThat(((LedgerRefusal) e).code()).isEqualTo("NOT_AUTHORISED"))
                    .verify();
        }
    }

    @Test
    void eachCommitPublishesItsChaincodeEvent() {
        try (EmbeddedLedger ledger = open()) {
            StepVerifier.create(ledger.events().take(1))
                    .then(() -> submit(ledger, AUTHORITY, Transaction.BOOTSTRAP_AUTHORITY))
                    .assertNext(event -> {
                        assertThat(event.name()).isEqualTo("AuthorityBootstrapped");
                        assertThat(event.block()).isZero();
                    })
                    .verifyComplete();
        }
    }

    @Test
    void theAuditPassesAnUntouchedLedger() {
        governed();
        final LedgerAudit.Report report = LedgerAudit.verify(dir);
        assertThat(report.problems()).isEmpty();
        assertThat(report.blocks()).isEqualTo(3);
        assertThat(report.keys()).isPositive();
    }

    @Test
    void theAuditNoticesAChangedValue() throws Exception {
        governed();
        sql("UPDATE state SET value = CAST('{\"roles\":[\"AUTHORITY\"]}' AS BLOB) WHERE key = (SELECT key FROM state LIMIT 1)");
        assertThat(LedgerAudit.verify(dir).problems()).anyMatch(p -> p.contains("differs from its last committed write"));
    }

    @Test
    void theAuditNoticesARewrittenHistory() throws Exception {
        governed();
        sql("UPDATE history SET value = CAST('{}' AS BLOB) WHERE block = 1");
        sql("UPDATE state SET value = CAST('{}' AS BLOB) WHERE key IN (SELECT key FROM history WHERE block = 1)"
                + " AND NOT EXISTS (SELECT 1 FROM history h WHERE h.key = state.key AND h.block > 1)");
        assertThat(LedgerAudit.verify(dir).problems()).anyMatch(p -> p.contains("block 1: its writes do not match"));
    }

    @Test
    void theAuditNoticesARemovedBlock() throws Exception {
        governed();
        sql("DELETE FROM blocks WHERE number = 1");
        assertThat(LedgerAudit.verify(dir).problems()).anyMatch(p -> p.contains("block 1 is missing"));
    }

    @Test
    void aRangeWithALimitReadsTheFirstEntriesOfTheRangeAndNoMore() throws Exception {
        governed();
        try (SqliteWorldState state = new SqliteWorldState(dir)) {
            final java.util.List<String> all = new java.util.ArrayList<>();
            state.range("", "").forEachRemaining(e -> all.add(e.getKey()));
            assertThat(all).hasSizeGreaterThan(3);
            final java.util.List<String> page = new java.util.ArrayList<>();
            state.range("", "", 3).forEachRemaining(e -> page.add(e.getKey()));
            assertThat(page).containsExactlyElementsOf(all.subList(0, 3));
            final java.util.List<String> tail = new java.util.ArrayList<>();
            state.range(all.get(1), all.get(3), 10).forEachRemaining(e -> tail.add(e.getKey()));
            assertThat(tail).containsExactlyElementsOf(all.subList(1, 3));
        }
    }

    @Test
    void aRangeLongerThanAChunkIsReadWholeInKeyOrderAcrossChunks() throws Exception {
        try (SqliteWorldState state = new SqliteWorldState(dir)) {
            final java.util.TreeSet<String> keys = new java.util.TreeSet<>();
            for (int i = 0; i < SqliteWorldState.CHUNK * 2 + 7; i++) {
                // composite keys whose attributes share prefixes, as the contract's marks do
                keys.add("\u0000mark\u0000" + (i % 3) + "\u0000" + i + "\u0000");
            }
            keys.add("\u0000other\u0000x\u0000");
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteWorldState.FILE));
                    var insert = c.prepareStatement("INSERT INTO state(key, value) VALUES (?, ?)")) {
                for (String key : keys) {
                    insert.setBytes(1, SqliteWorldState.bytes(key));
                    insert.setBytes(2, new byte[] {1});
                    insert.addBatch();
                }
                insert.executeBatch();
            }

            final java.util.List<String> read = new java.util.ArrayList<>();
            state.range("\u0000mark\u0000", "\u0000mark\u0000\udbff\udfff").forEachRemaining(e -> read.add(e.getKey()));

            assertThat(read).hasSize(SqliteWorldState.CHUNK * 2 + 7)
                    .containsExactlyElementsOf(keys.headSet("\u0000other", false));
        }
    }

    /** A ledger with its first three blocks, closed: ready to be tampered with. */
    private void governed() {
        try (EmbeddedLedger ledger = open()) {
            governance(ledger);
        }
    }

    private void sql(final String statement) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteWorldState.FILE));
                var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
