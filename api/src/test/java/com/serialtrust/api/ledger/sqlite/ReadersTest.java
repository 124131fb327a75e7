package com.serialtrust.api.ledger.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Readers of threads that have ended do not stay open: a pool that replaces its threads leaks no connection. */
class ReadersTest {

    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private final List<Connection> closed = new CopyOnWriteArrayList<>();
    private final Readers readers = new Readers(() -> {
        final Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        opened.add(c);
        return c;
    }, closed::add);

    private void readOnANewThreadThatThenEnds() throws Exception {
        final Thread thread = new Thread(() -> {
            try (ResultSet rs = readers.get().statement("SELECT 1").executeQuery()) {
                rs.next();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        thread.join();
    }

    @Test
    void aThreadKeepsOneReaderAndItsStatements() throws Exception {
        final Reader reader = readers.get();
        assertThat(readers.get()).isSameAs(reader);
        assertThat(reader.statement("SELECT 1")).isSameAs(reader.statement("SELECT 1"));
        assertThat(opened).hasSize(1);
    }

    @Test
    void theReadersOfEndedThreadsAreClosedWhenTheNextReaderOpens() throws Exception {
        for (int i = 0; i < 5; i++) {
            readOnANewThreadThatThenEnds();
        }
        readers.get();
        assertThat(opened).hasSize(6);
        assertThat(closed).hasSize(5).allSatisfy(c -> assertThat(c.isClosed()).isTrue());
        // this thread's, still in use, stays open
        assertThat(readers.get().connection().isClosed()).isFalse();
    }
}
