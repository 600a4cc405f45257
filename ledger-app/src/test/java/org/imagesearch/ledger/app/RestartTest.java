package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deadlines are kept in the database: they survive a restart and fire exactly once after it. */
class RestartTest {

    private static ConfigurableApplicationContext start(TestDatabase.Target database) {
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.addAll(List.of("--ledger.test-clock.enabled=true", "--server.port=0",
                "--ledger.deadlines.poll-interval=PT0.2S"));
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static LedgerClient client(ConfigurableApplicationContext context) {
        return new LedgerClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static EventCounts events(ConfigurableApplicationContext context) {
        return new EventCounts(context.getBean(JdbcTemplate.class));
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresExactlyOnceAfterIt() {
        TestDatabase.Target dataDir = TestDatabase.create("restart");
        String id;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            LedgerClient ledger = client(first);
            ledger.setClock("2027-03-01T00:00:00Z");
            var purchase = ledger.purchase("restarting", 2_500_000, 5, false);
            assertThat(purchase.status()).isEqualTo(201);
            id = purchase.text("instanceId");
            assertThat(purchase.text("periodEnd")).isEqualTo("2027-04-01T00:00:00Z");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            LedgerClient ledger = client(second);
            EventCounts events = events(second);
            assertThat(ledger.get("/api/v1/admin/clock").text("now")).isEqualTo("2027-03-01T00:00:00Z");
            assertThat(events.of(id, "QuotaExhausted")).isZero();

            assertThat(ledger.advanceClock("P31D").status()).isEqualTo(200);
            assertThat(events.of(id, "QuotaExhausted")).isEqualTo(1);
            assertThat(events.of(id, "InstanceReleased")).isZero();

            assertThat(ledger.advanceClock("P15D").status()).isEqualTo(200);
            assertThat(ledger.advanceClock("P30D").status()).isEqualTo(200);
            assertThat(events.of(id, "QuotaExhausted")).isEqualTo(1);
            assertThat(events.of(id, "InstanceReleased")).isEqualTo(1);
        }
    }

    @Test
    void idempotencyKeysSurviveARestart() {
        TestDatabase.Target dataDir = TestDatabase.create("restart-keys");
        String id;
        LedgerClient.Answer first;
        try (ConfigurableApplicationContext before = start(dataDir)) {
            LedgerClient ledger = client(before);
            id = ledger.purchase("remembering", 2_500_000, 5, false).text("instanceId");
            first = renewWithKey(ledger, id, "renewal-once");
            assertThat(first.status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext after = start(dataDir)) {
            LedgerClient ledger = client(after);
            long events = events(after).of(id);

            LedgerClient.Answer again = renewWithKey(ledger, id, "renewal-once");

            assertThat(again.body()).isEqualTo(first.body());
            assertThat(events(after).of(id)).isEqualTo(events);
        }
    }

    static LedgerClient.Answer renewWithKey(LedgerClient ledger, String id, String key) {
        return ledger.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ledger.baseUrl()
                        + "/api/v1/instances/" + id + "/renewals"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"months\":1}")));
    }

    @Test
    void timeThatPassedWhileTheLedgerWasDownFiresTheOverdueDeadlinesOnceOnStart() throws Exception {
        TestDatabase.Target dataDir = TestDatabase.create("downtime");
        String id;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            LedgerClient ledger = client(first);
            ledger.setClock("2027-03-01T00:00:00Z");
            id = ledger.purchase("sleeper", 2_500_000, 5, false).text("instanceId");
        }
        // Forty days pass while no node runs.
        try (Connection db = DriverManager.getConnection(dataDir.jdbcUrl(), dataDir.username(), dataDir.password());
             PreparedStatement move = db.prepareStatement("UPDATE business_clock SET now_at = ?")) {
            move.setTimestamp(1, Timestamp.from(Instant.parse("2027-04-10T00:00:00Z")));
            assertThat(move.executeUpdate()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            EventCounts events = events(second);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(events.of(id, "QuotaExhausted")).isEqualTo(1);
                assertThat(events.of(id, "InstanceReleased")).isZero();
            });
            // several more sweeps (every 0.2 s) must not fire it again
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> events.of(id, "QuotaExhausted") == 1);
        }
    }
}
