package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event is never stored without its deadline: the deadline row is written by a subscribing
 * processor in the command's own transaction, and when that write fails the command fails whole.
 */
class DeadlineTransactionTest {

    @Test
    void whenTheDeadlineCannotBeWrittenThePurchaseIsNotRecordedAtAll() {
        TestDatabase.Target database = TestDatabase.create("deadline-tx");
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        try (ConfigurableApplicationContext ledgerApp = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            LedgerClient ledger = new LedgerClient(Integer.parseInt(
                    ledgerApp.getEnvironment().getProperty("local.server.port")));
            JdbcTemplate jdbc = ledgerApp.getBean(JdbcTemplate.class);
            EventCounts events = new EventCounts(jdbc);

            jdbc.execute("ALTER TABLE instance_deadline RENAME TO instance_deadline_away");
            var failed = ledger.purchase("unscheduled", 2_500_000, 5, false);
            jdbc.execute("ALTER TABLE instance_deadline_away RENAME TO instance_deadline");

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(failed.raw()).doesNotContain("instance_deadline").doesNotContain("Exception");
            assertThat(events.all()).as("no event without its deadline").isZero();
            assertThat(events.claimRows()).as("no purchase claim either").isZero();

            var retried = ledger.purchase("unscheduled", 2_500_000, 5, false);
            assertThat(retried.status()).as("the same purchase goes through once the table is back").isEqualTo(201);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM instance_deadline WHERE instance_id = ?",
                    Long.class, retried.text("instanceId"))).isEqualTo(1);
        }
    }
}
