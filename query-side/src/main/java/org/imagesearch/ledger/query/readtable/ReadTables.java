package org.imagesearch.ledger.query.readtable;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Empties a read table when its projection is reset, inside the reset's transaction: PostgreSQL
 * truncates (transactional there, and instant whatever the size); other databases delete every row
 * (H2's {@code TRUNCATE} would commit the transaction halfway, before the tokens are reset).
 */
public final class ReadTables {

    private static final Map<DataSource, Boolean> TRUNCATES = new ConcurrentHashMap<>();

    private ReadTables() {
    }

    public static void clear(JdbcTemplate jdbc, String table) {
        DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource(), "dataSource");
        boolean truncate = TRUNCATES.computeIfAbsent(dataSource, source -> jdbc.execute((Connection connection) ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        jdbc.update((truncate ? "TRUNCATE TABLE " : "DELETE FROM ") + table);
    }
}
