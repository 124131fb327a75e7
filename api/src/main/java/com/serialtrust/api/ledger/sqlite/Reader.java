package com.serialtrust.api.ledger.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thread's connection for reading, with the statements it prepared, kept for the next query of
 * the same text: SQLite compiles a statement each time it is prepared, a tenth of a verification's
 * reading on the read model.
 */
final class Reader {

    /** The most statements kept per connection; the least recently used is closed first. */
    static final int STATEMENTS = 64;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= STATEMENTS) {
                return false;
            }
            close(eldest.getValue());
            return true;
        }
    };

    Reader(final Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** The statement for {@code sql}, prepared once; its parameters are cleared. */
    PreparedStatement statement(final String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** Forgets a statement that failed: the next query of its text prepares it again. */
    void discard(final String sql) {
        final PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            close(statement);
        }
    }

    /** Closes its statements and its connection. */
    void close() {
        statements.values().forEach(Reader::close);
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already closed with the state
        }
    }

    private static void close(final PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement of a connection already closed: nothing to release
        }
    }
}
