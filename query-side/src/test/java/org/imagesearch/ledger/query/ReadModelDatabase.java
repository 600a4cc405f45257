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
        new ResourceDatabasePopulator(
                new ClassPathResource("db/migration/common/V2026.11.26.3__instance_view.sql"),
                new ClassPathResource("db/migration/common/V2026.11.26.4__ledger_prorations_releases.sql"))
                .execute(dataSource);
        return new JdbcTemplate(dataSource);
    }
}
