package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.app.config.H2Leftovers;
import org.imagesearch.ledger.app.config.StorageConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash safety: the packaged jar takes thousands of commands from eight clients, is killed with
 * SIGKILL in the middle, and restarts on the same data. Every answered command must have its events
 * exactly once, no unanswered command may be half there, and the read models must catch up.
 */
class CrashSafetyIT {

    private static final long[][] PACKAGES = {
            {2_500_000, 5}, {2_500_000, 10}, {5_000_000, 5}, {5_000_000, 10}, {10_000_000, 10}, {20_000_000, 5}};
    private static final int CLIENTS = 8;

    /** A command the ledger answered 2xx: what it was, for which instance, and the position it named. */
    record Answered(String kind, String instanceId, long position) {
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgres"})
    void killedMidLoadTheLedgerLosesNothingAnsweredAndKeepsNothingHalfDone(String kind) throws Exception {
        TestDatabase.Target database = TestDatabase.create("crash-" + kind, kind.equals("postgres"));
        List<Answered> answered = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> instances = new ConcurrentLinkedQueue<>();

        try (LedgerProcess first = LedgerProcess.start(database, "crash-" + kind + "-1")) {
            AtomicInteger count = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> drive(first.client(), client, answered, instances, count, Integer.MAX_VALUE));
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> count.get() >= 2600);
            first.kill();                                   // mid-load: requests are in flight
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        int beforeCrash = answered.size();

        try (LedgerProcess second = LedgerProcess.start(database, "crash-" + kind + "-2")) {
            AtomicInteger count = new AtomicInteger(beforeCrash);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = CLIENTS + c;
                clients.submit(() -> drive(second.client(), client, answered, instances, count, 5200));
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            assertThat(answered.size()).as("answered commands, both runs").isGreaterThanOrEqualTo(5000);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonNode status = second.client().get("/api/v1/admin/replay").body();
                assertThat(status.path("items").findValuesAsText("live"))
                        .as(() -> "every projection live: " + status + "\nthe ledger's last warnings:\n"
                                + second.warnings())
                        .containsOnly("true");
            });
            second.stop();
        }

        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
        everyAnsweredCommandHasItsEventExactlyOnce(db, answered);
        nothingIsHalfDone(db);
        if (kind.equals("h2")) {
            noEntryOfAnUnfinishedTransactionRemains(database);
        }
        theReadModelsCaughtUp(db);
    }

    private static void drive(LedgerClient ledger, int client, List<Answered> answered,
                              ConcurrentLinkedQueue<String> instances, AtomicInteger count, int stopAt) {
        Random random = new Random(client);
        List<String> mine = new ArrayList<>();
        try {
            while (count.get() < stopAt) {
                int dice = random.nextInt(10);
                LedgerClient.Answer answer;
                String kind;
                String instance;
                if (mine.isEmpty() || dice < 3) {
                    long[] pkg = PACKAGES[random.nextInt(PACKAGES.length)];
                    answer = ledger.purchase("crash-" + client + "-" + System.nanoTime(), pkg[0], (int) pkg[1], false);
                    kind = "PackagePurchased";
                    instance = answer.status() == 201 ? answer.text("instanceId") : null;
                    if (instance != null) {
                        mine.add(instance);
                        instances.add(instance);
                    }
                } else if (dice < 8) {
                    instance = mine.get(random.nextInt(mine.size()));
                    long[] pkg = PACKAGES[random.nextInt(PACKAGES.length)];
                    answer = ledger.changePackage(instance, pkg[0], (int) pkg[1]);
                    kind = "PackageChanged";
                } else {
                    instance = mine.get(random.nextInt(mine.size()));
                    answer = ledger.renew(instance, 1 + random.nextInt(3));
                    kind = "PackageRenewed";
                }
                if (answer.status() / 100 == 2) {
                    answered.add(new Answered(kind, instance, answer.body().path("position").asLong()));
                    count.incrementAndGet();
                }
            }
        } catch (RuntimeException connectionLost) {
            // the ledger was killed: this client's last request is unanswered
        }
    }

    private static void everyAnsweredCommandHasItsEventExactlyOnce(JdbcTemplate db, List<Answered> answered) {
        Map<Long, Map<String, Object>> events = new HashMap<>();
        db.queryForList("SELECT global_index, aggregate_identifier, payload_type FROM domain_event_entry")
                .forEach(row -> events.put(((Number) row.get("global_index")).longValue(), row));
        assertThat(answered.stream().map(Answered::position).distinct().count())
                .as("no two answers name one event").isEqualTo(answered.size());
        for (Answered command : answered) {
            Map<String, Object> event = events.get(command.position());
            assertThat(event).as("the event of answered " + command).isNotNull();
            assertThat(event.get("aggregate_identifier")).isEqualTo(command.instanceId());
            assertThat((String) event.get("payload_type")).endsWith("." + command.kind());
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM (SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type LIKE '%PackagePurchased' GROUP BY aggregate_identifier HAVING COUNT(*) > 1) t",
                Long.class)).as("instances purchased twice").isZero();
    }

    /** Each command's events, claims and deadline commit together or not at all. */
    private static void nothingIsHalfDone(JdbcTemplate db) {
        Serializer serializer = new StorageConfiguration().serializer();
        Map<String, List<Object>> histories = new HashMap<>();
        db.query("SELECT aggregate_identifier, sequence_number, payload_type, payload_revision, payload"
                + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number", rs -> {
            List<Object> history = histories.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
            assertThat(rs.getLong(2)).as("an unbroken sequence for " + rs.getString(1)).isEqualTo(history.size());
            history.add(serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(5), byte[].class,
                    rs.getString(3), rs.getString(4))));
        });
        Map<String, Instant> deadlines = new HashMap<>();
        db.query("SELECT instance_id, due_at FROM instance_deadline",
                rs -> {
                    deadlines.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        for (Map.Entry<String, List<Object>> history : histories.entrySet()) {
            InstanceSnapshot instance = InstanceSnapshot.replay(history.getValue());
            assertThat(deadlines.get(history.getKey())).as("the deadline row of " + history.getKey())
                    .isEqualTo(instance.nextDeadline().orElse(null));
        }
        assertThat(deadlines.keySet()).as("no deadline without its instance").isSubsetOf(histories.keySet());
        assertThat(db.queryForList("SELECT instance_id FROM purchase_claim", String.class))
                .as("a purchase claim for every purchase, and none without one")
                .containsExactlyInAnyOrderElementsOf(histories.keySet());
    }

    /**
     * H2 can keep, after the kill, entries of transactions that never committed, which a session given
     * the same transaction number would read as its own (ADR 0030). The restart rolls them back.
     */
    private static void noEntryOfAnUnfinishedTransactionRemains(TestDatabase.Target database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            assertThat(H2Leftovers.uncommittedEntries(connection)).as("H2 entries of unfinished transactions").isZero();
            assertThat(H2Leftovers.indexesUnlikeTheirTables(connection)).as("H2 indexes unlike their tables").isEmpty();
        }
    }

    private static void theReadModelsCaughtUp(JdbcTemplate db) {
        long purchases = count(db, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackagePurchased'");
        long changes = count(db, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackageChanged'");
        long renewals = count(db, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackageRenewed'");
        assertThat(count(db, "SELECT COUNT(*) FROM instance_view")).isEqualTo(purchases);
        assertThat(count(db, "SELECT COUNT(*) FROM ledger_entry")).isEqualTo(purchases + changes + renewals);
        assertThat(count(db, "SELECT COUNT(*) FROM proration")).isEqualTo(changes);
    }

    private static long count(JdbcTemplate db, String sql) {
        return db.queryForObject(sql, Long.class);
    }
}
