package org.imagesearch.ledger.query.readtable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Empties a read table when its projection is reset.
 *
 * <p>PostgreSQL truncates inside the reset's transaction (transactional there, and instant whatever
 * the size). H2's {@code TRUNCATE} cannot join a transaction (it commits the one it is in), and
 * deleting millions of rows inside one takes minutes; so on H2, within a transaction, the table is
 * truncated as soon as that transaction has committed, on a connection of its own. A reset that
 * rolls back therefore leaves the rows as they were. Between the commit and the truncation the
 * projection is stopped (a replay starts it again only afterwards, ADR 0012). Outside a transaction
 * every row is deleted at once.
 */
public final class ReadTables {

    private static final Logger log = LoggerFactory.getLogger(ReadTables.class);
    private static final Map<DataSource, Boolean> TRANSACTIONAL_TRUNCATE = new ConcurrentHashMap<>();

    private ReadTables() {
    }

    public static void clear(JdbcTemplate jdbc, String table) {
        DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource(), "dataSource");
        boolean transactionalTruncate = TRANSACTIONAL_TRUNCATE.computeIfAbsent(dataSource, source -> jdbc.execute(
                (Connection connection) -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        if (transactionalTruncate) {
            jdbc.update("TRUNCATE TABLE " + table);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    truncateOnItsOwn(dataSource, table);
                }
            });
        } else {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** On a connection outside the committed transaction; deletes the rows if the truncation is refused. */
    private static void truncateOnItsOwn(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            try {
                statement.execute("TRUNCATE TABLE " + table);
            } catch (SQLException refused) {
                log.warn("TRUNCATE TABLE {} was refused ({}); deleting its rows instead", table,
                        refused.getMessage());
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty read table " + table + " after its reset", e);
        }
    }
}
