package org.imagesearch.ledger.command.deadline;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

/** A fresh in-memory database with the command side's deadline tables. */
final class DeadlineDatabase {

    private DeadlineDatabase() {
    }

    static DriverManagerDataSource create() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/common/V2026.11.26.2__purchase_limits_deadlines_clock.sql")).execute(dataSource);
        return dataSource;
    }
}
