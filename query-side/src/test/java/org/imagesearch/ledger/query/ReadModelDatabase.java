package org.imagesearch.ledger.query;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.Arrays;
import java.util.UUID;

/** A fresh in-memory H2 database with the query side's own migrations, for projection tests. */
public final class ReadModelDatabase {

    /** The migration that gave ledger entries and prorations their stored position. */
    public static final String STORED_POSITIONS = "db/migration/common/V2026.12.04.1__positions_written_with_entries.sql";

    private ReadModelDatabase() {
    }

    /** The migration that keyed ledger entries and prorations by their position. */
    public static final String KEYED_BY_POSITION = "db/migration/common/V2026.12.07.1__entries_keyed_by_position.sql";

    /** The read tables these tests use, as their migrations leave them today. */
    public static JdbcTemplate create() {
        JdbcTemplate jdbc = withoutStoredPositions();
        migrate(jdbc, STORED_POSITIONS, KEYED_BY_POSITION);
        return jdbc;
    }

    /** The read tables as they were before {@link #STORED_POSITIONS}: positions read by a join at each read. */
    public static JdbcTemplate withoutStoredPositions() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // what the read models need of the event store and token store, which the app module owns
        jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY,"
                + " event_identifier VARCHAR(255) NOT NULL UNIQUE)");
        jdbc.execute("CREATE TABLE token_entry (processor_name VARCHAR(255))");
        migrate(jdbc, "db/migration/common/V2026.11.26.3__instance_view.sql",
                "db/migration/common/V2026.11.26.4__ledger_prorations_releases.sql",
                "db/migration/common/V2026.11.26.8__read_models_keyed_by_event.sql");
        return jdbc;
    }

    public static void migrate(JdbcTemplate jdbc, String... migrations) {
        new ResourceDatabasePopulator(Arrays.stream(migrations).map(ClassPathResource::new)
                .toArray(ClassPathResource[]::new)).execute(jdbc.getDataSource());
    }
}
