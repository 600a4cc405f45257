package org.imagesearch.ledger.query;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

/** A fresh in-memory H2 database with the query side's own migrations, for projection tests. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    public static JdbcTemplate create() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // what the read models need of the event store and token store, which the app module owns
        jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY, event_identifier VARCHAR(255))");
        jdbc.execute("CREATE TABLE token_entry (processor_name VARCHAR(255))");
        new ResourceDatabasePopulator(
                new ClassPathResource("db/migration/common/V2026.11.26.3__instance_view.sql"),
                new ClassPathResource("db/migration/common/V2026.11.26.4__ledger_prorations_releases.sql"),
                new ClassPathResource("db/migration/common/V2026.11.26.8__read_models_keyed_by_event.sql"))
                .execute(dataSource);
        return jdbc;
    }
}
