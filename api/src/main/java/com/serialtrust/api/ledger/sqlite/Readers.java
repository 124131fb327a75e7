package com.serialtrust.api.ledger.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One reader per reading thread. Pools let idle threads end (the ledger's after a minute) and start
 * new ones under load, so each new reader first closes those of threads that have ended: else their
 * connections stayed open, one more after every burst, until the api stopped.
 */
final class Readers {

    /** Opens a connection with the state's pragmas. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Consumer<Connection> closed;
    private final ThreadLocal<Reader> current = ThreadLocal.withInitial(this::open);
    private final Map<Thread, Reader> byThread = new HashMap<>();

    /** {@code closed} hears of each connection closed here. */
    Readers(final Opener opener, final Consumer<Connection> closed) {
        this.opener = opener;
        this.closed = closed;
    }

    /** This thread's reader, opened on its first read. */
    Reader get() {
        return current.get();
    }

    private Reader open() {
        final Reader reader;
        try {
            reader = new Reader(opener.open());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        synchronized (byThread) {
            byThread.entrySet().removeIf(e -> {
                if (e.getKey().isAlive()) {
                    return false;
                }
                e.getValue().close();
                closed.accept(e.getValue().connection());
                return true;
            });
            byThread.put(Thread.currentThread(), reader);
        }
        return reader;
    }
}
