package org.imagesearch.ledger.app.config;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The engine behind a JDBC connection, when it is H2 running in this process. */
final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** The H2 database in this process behind {@code connection}; empty for a server or another product. */
    static Optional<Database> databaseOf(Connection connection) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            return Optional.of(session.getDatabase());
        }
        return Optional.empty();
    }
}
