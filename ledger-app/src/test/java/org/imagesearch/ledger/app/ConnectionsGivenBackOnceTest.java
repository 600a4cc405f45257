package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every connection the ledger borrows from its pool is given back once (ADR 0028). A pooled
 * connection closed a second time, after it went back to the pool, reaches into the connection's
 * next borrower: HikariCP's second {@code close()} empties the list of open statements it shares
 * with that borrower's handle, on another thread, and a read once answered 500 from the damage
 * ({@code ArrayIndexOutOfBoundsException} in HikariCP's {@code FastList}).
 *
 * <p>Every connection handed out is counted as it is closed; commands, their projection, a deadline
 * swept, a replay of the read models and reads all go through, and none may be closed twice.
 */
class ConnectionsGivenBackOnceTest {

    @Test
    void everyPooledConnectionIsClosedOnceThroughCommandsProjectionsDeadlinesReplaysAndReads() {
        TestDatabase.Target database = TestDatabase.create("given-back-once");
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        arguments.add("--ledger.test-clock.enabled=true");
        arguments.add("--" + TestKeys.PROPERTY);
        ClosesCounted counted = new ClosesCounted();
        try (ConfigurableApplicationContext ledgerApp = new SpringApplicationBuilder(LedgerApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counted.watching()))
                .run(arguments.toArray(String[]::new))) {
            LedgerClient ledger = new LedgerClient(Integer.parseInt(
                    ledgerApp.getEnvironment().getProperty("local.server.port")));
            int before = counted.borrowed.get();

            var bought = ledger.purchase("given-back", 2_500_000, 5, false);
            assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
            String id = bought.text("instanceId");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ledger.instance(id).status()).isEqualTo(200));
            var upgraded = ledger.changePackage(id, 5_000_000, 10);
            assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
            assertThat(ledger.exhaust(id).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ledger.instance(id).text("state")).isEqualTo("RETAINED"));
            assertThat(ledger.advanceClock("P15D").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ledger.instance(id).text("state")).isEqualTo("RELEASED"));
            assertThat(ledger.post("/api/v1/admin/replay", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var replay = ledger.get("/api/v1/admin/replay");
                assertThat(replay.body().path("replaying").asBoolean()).isFalse();
                assertThat(replay.body().path("items").findValuesAsText("live")).containsOnly("true");
            });
            assertThat(ledger.instance(id).text("state")).as("rebuilt by the replay").isEqualTo("RELEASED");
            assertThat(ledgerApp.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isPositive();

            assertThat(counted.borrowed.get()).as("connections borrowed meanwhile").isGreaterThan(before);
            assertThat(counted.closedTwice).as("connections closed again after they went back to the pool")
                    .isEmpty();
        }
    }

    /** Every connection handed out counts its closes. */
    static final class ClosesCounted {

        final AtomicInteger borrowed = new AtomicInteger();
        /** Where each second close came from. */
        final Queue<String> closedTwice = new ConcurrentLinkedQueue<>();

        ConnectionsWatched watching() {
            return new ConnectionsWatched(() -> {
                borrowed.incrementAndGet();
                AtomicInteger closes = new AtomicInteger();
                return (method, arguments) -> {
                    if (method.getName().equals("close") && closes.incrementAndGet() > 1) {
                        StringWriter trace = new StringWriter();
                        new Throwable("closed again").printStackTrace(new PrintWriter(trace));
                        closedTwice.add(trace.toString());
                    }
                };
            });
        }
    }
}
