package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.imagesearch.ledger.command.web.CommandDispatcher;
import org.imagesearch.ledger.query.progress.Projections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two ledger nodes on one PostgreSQL lose nothing and double nothing. */
class TwoNodesPostgresTest {

    private static final String[] NODE_SETTINGS = {
            "--ledger.test-clock.enabled=true",
            "--ledger.deadlines.poll-interval=PT0.2S",
            "--ledger.cluster.round-interval=PT0.2S",
            "--ledger.cluster.node-alive-for=PT3S"};
    private static final List<String> PROJECTIONS = Projections.ALL;
    private static final long[][] PACKAGES = {
            {2_500_000, 5}, {2_500_000, 10}, {5_000_000, 5}, {5_000_000, 10}, {10_000_000, 5}, {10_000_000, 10},
            {20_000_000, 5}, {50_000_000, 10}};

    private static LedgerNode a;
    private static LedgerNode b;

    @BeforeAll
    static void startTwoNodes() {
        TestDatabase.Target database = TestDatabase.create("two-nodes");
        a = LedgerNode.start(database, "node-a", NODE_SETTINGS);
        b = LedgerNode.start(database, "node-b", NODE_SETTINGS);
    }

    @AfterAll
    static void stopNodes() {
        b.close();
        a.close();
    }

    @Test
    void eachProjectionsSegmentsAreSplitBetweenTheNodes() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(a.jdbc().queryForList("SELECT owner FROM token_entry WHERE processor_name = ?",
                        String.class, projection)).as(projection).hasSize(2).containsExactlyInAnyOrder("node-a", "node-b");
            }
        });
    }

    @Test
    void concurrentChangesOfOneInstanceFromBothNodesLoseNothingAndDoubleNothing() throws Exception {
        var purchase = a.client().purchase("contended", 2_500_000, 5, false);
        String id = purchase.text("instanceId");
        long retriesBefore = a.bean(CommandDispatcher.class).retries() + b.bean(CommandDispatcher.class).retries();

        List<Callable<LedgerClient.Answer>> requests = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 240; i++) {
            LedgerClient client = i % 2 == 0 ? a.client() : b.client();
            long[] pkg = PACKAGES[random.nextInt(PACKAGES.length)];
            requests.add(() -> client.changePackage(id, pkg[0], (int) pkg[1]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<LedgerClient.Answer> answers = new ArrayList<>();
        try {
            for (Future<LedgerClient.Answer> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        List<LedgerClient.Answer> accepted = answers.stream().filter(x -> x.status() == 200).toList();
        assertThat(answers).allSatisfy(x -> assertThat(x.status()).as(x.toString()).isIn(200, 409));
        assertThat(answers).filteredOn(x -> x.status() == 409)
                .allSatisfy(x -> assertThat(x.code()).isIn("SAME_PACKAGE", "CONCURRENT_MODIFICATION"));
        assertThat(accepted).hasSizeGreaterThan(100);
        assertThat(a.bean(CommandDispatcher.class).retries() + b.bean(CommandDispatcher.class).retries())
                .as("the two nodes collided, and retried").isGreaterThan(retriesBefore);

        assertThat(accepted.stream().map(x -> x.body().path("position").asLong()).distinct().count())
                .as("every accepted change has its own event").isEqualTo(accepted.size());
        assertThat(new EventCounts(a.jdbc()).of(id, "PackageChanged")).isEqualTo(accepted.size());
        assertThat(a.jdbc().queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).as("one unbroken sequence").isEqualTo(accepted.size());

        BigDecimal answered = accepted.stream().map(x -> new BigDecimal(x.money("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long last = accepted.stream().mapToLong(x -> x.body().path("position").asLong()).max().orElseThrow();
        var ledger = b.client().get("/api/v1/customers/contended/ledger?minPosition=" + last);
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(200);
        BigDecimal entered = BigDecimal.ZERO;
        for (JsonNode entry : ledger.body().path("entries")) {
            if (!entry.path("kind").asText().equals("PURCHASE")) {
                entered = entered.add(new BigDecimal(entry.path("amount").path("amount").asText()));
            }
        }
        assertThat(entered).as("the ledger holds exactly the answered amounts").isEqualByComparingTo(answered);
        var prorations = a.client().get("/api/v1/instances/" + id + "/prorations?minPosition=" + last);
        assertThat(prorations.body().path("items")).hasSize(accepted.size());
    }

    @Test
    void aNodeNeverDecidesOnAnInstanceTheOtherNodeHasChanged() {
        String id = a.client().purchase("stale-cache", 2_500_000, 5, false).text("instanceId");
        assertThat(a.client().get("/api/v1/quotes/renewal?instanceId=" + id + "&months=1").money("amount"))
                .isEqualTo("800.00");                       // node a now holds the instance in its cache
        assertThat(b.client().changePackage(id, 10_000_000, 10).status()).isEqualTo(200);

        var quote = a.client().get("/api/v1/quotes/renewal?instanceId=" + id + "&months=1");

        assertThat(quote.money("amount")).as("node a sees node b's change").isEqualTo("5500.00");
        assertThat(a.client().changePackage(id, 10_000_000, 10).code()).isEqualTo("SAME_PACKAGE");
    }

    @Test
    void anIdempotencyKeyUsedOnOneNodeIsKnownToTheOther() {
        String id = a.client().purchase("keys-shared", 2_500_000, 5, false).text("instanceId");
        var first = RestartTest.renewWithKey(a.client(), id, "shared-key");
        long events = new EventCounts(a.jdbc()).of(id);

        var again = RestartTest.renewWithKey(b.client(), id, "shared-key");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(new EventCounts(a.jdbc()).of(id)).isEqualTo(events);
    }

    @Test
    void theTestClockIsOneClockForAllNodes() {
        String before = b.client().get("/api/v1/admin/clock").text("now");
        var moved = a.client().advanceClock("PT1H");

        assertThat(moved.text("now")).isNotEqualTo(before);
        assertThat(b.client().get("/api/v1/admin/clock").text("now")).isEqualTo(moved.text("now"));
    }

    @Test
    void deadlinesFireOnceAcrossNodes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            LedgerNode node = i % 2 == 0 ? a : b;
            ids.add(node.client().purchase("deadline-" + i + "-" + System.nanoTime(), 2_500_000, 5, false)
                    .text("instanceId"));
        }

        assertThat(a.client().advanceClock("P32D").status()).isEqualTo(200);
        assertThat(b.client().advanceClock("P16D").status()).isEqualTo(200);

        EventCounts events = new EventCounts(a.jdbc());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(events.of(id, "QuotaExhausted")).as(id).isEqualTo(1);
                assertThat(events.of(id, "InstanceReleased")).as(id).isEqualTo(1);
            }
        });
    }

    @Test
    void aReplayWithBothNodesUpRebuildsTheReadModels() {
        for (int i = 0; i < 20; i++) {
            String id = (i % 2 == 0 ? a : b).client().purchase("replay-" + i + "-" + System.nanoTime(), 2_500_000, 5,
                    false).text("instanceId");
            (i % 2 == 0 ? b : a).client().changePackage(id, 5_000_000, 10);
        }
        awaitLive(a);
        Map<String, List<Map<String, Object>>> before = readModels();

        var replay = b.client().post("/api/v1/admin/replay", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        awaitLive(a);
        awaitLive(b);

        assertThat(readModels()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(a.jdbc().queryForList("SELECT owner FROM token_entry WHERE processor_name = ?",
                        String.class, projection)).as("shared again after the replay: " + projection)
                        .containsExactlyInAnyOrder("node-a", "node-b");
            }
        });
    }

    private static void awaitLive(LedgerNode node) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var status = node.client().get("/api/v1/admin/replay");
            assertThat(status.body().path("items").findValuesAsText("live")).containsOnly("true");
        });
    }

    private static Map<String, List<Map<String, Object>>> readModels() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("instance_view", a.jdbc().queryForList("SELECT * FROM instance_view ORDER BY instance_id"));
        tables.put("ledger_entry", a.jdbc().queryForList("SELECT * FROM ledger_entry ORDER BY event_id"));
        tables.put("proration", a.jdbc().queryForList("SELECT * FROM proration ORDER BY event_id"));
        tables.put("release_deadline", a.jdbc().queryForList("SELECT * FROM release_deadline ORDER BY instance_id"));
        return tables;
    }
}
