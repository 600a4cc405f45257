package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives a mixed life of 300 instances with the test clock, then checks the two promises an
 * auditor relies on: rebuilding every projection from the events gives exactly the live read
 * models, and an as-of read gives exactly what the live read models said at that instant.
 */
class ReplayAndAsOfTest extends LedgerHttpTest {

    private static final long[][] PACKAGES = {
            {100_000, 1}, {2_500_000, 5}, {2_500_000, 10}, {5_000_000, 5}, {5_000_000, 10}, {10_000_000, 5},
            {10_000_000, 10}, {20_000_000, 5}, {30_000_000, 10}, {50_000_000, 10}};

    private record Seen(String instant, String path, JsonNode answer) {
    }

    @Test
    void replayRebuildsTheLiveReadModelsAndAsOfReadsReproduceThePast() {
        Random random = new Random(20261126);
        List<String> instances = new ArrayList<>();
        Map<String, String> customerOf = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            String customer = newCustomer("replay-" + i);
            long[] pkg = i % 6 == 0 ? PACKAGES[0] : PACKAGES[1 + random.nextInt(PACKAGES.length - 1)];
            var purchase = ledger.purchase(customer, pkg[0], (int) pkg[1], i % 6 == 0);
            assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);
            instances.add(purchase.text("instanceId"));
            customerOf.put(purchase.text("instanceId"), customer);
        }

        List<Seen> seen = new ArrayList<>();
        int accepted = 0;
        for (int round = 1; round <= 6; round++) {
            ledger.advanceClock("P" + (3 + random.nextInt(10)) + "D");
            for (String id : instances) {
                int dice = random.nextInt(100);
                long[] pkg = PACKAGES[random.nextInt(PACKAGES.length)];
                LedgerClient.Answer answer;
                if (dice < 30) {
                    answer = ledger.changePackage(id, pkg[0], (int) pkg[1]);
                } else if (dice < 42) {
                    answer = ledger.renew(id, 1 + random.nextInt(3));
                } else if (dice < 48) {
                    answer = ledger.renew(id, 1 + random.nextInt(2), pkg[0], (int) pkg[1]);
                } else if (dice < 56) {
                    answer = ledger.exhaust(id);
                } else {
                    continue;
                }
                assertThat(answer.status()).as(answer.toString()).isIn(200, 409);
                accepted += answer.status() == 200 ? 1 : 0;
            }
            if (round % 2 == 0) {
                awaitAllLive();
                String now = ledger.get("/api/v1/admin/clock").text("now");
                for (String id : instances.subList(round * 10, round * 10 + 25)) {
                    seen.add(observe(now, "/api/v1/instances/" + id));
                    seen.add(observe(now, "/api/v1/customers/" + customerOf.get(id) + "/ledger"));
                }
            }
        }
        assertThat(accepted).as("a mixed life, not a life of refusals").isGreaterThan(400);
        ledger.advanceClock("P40D");
        awaitAllLive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?",
                Long.class, "%InstanceReleased")).as("some instances lived to be released").isPositive();

        Map<String, List<Map<String, Object>>> before = readModels();
        var replay = ledger.post("/api/v1/admin/replay", "");
        assertThat(replay.status()).isEqualTo(202);
        awaitAllLive();
        Map<String, List<Map<String, Object>>> after = readModels();

        assertThat(before.get("instance_view")).hasSizeGreaterThanOrEqualTo(300);
        assertThat(before.get("ledger_entry")).hasSizeGreaterThan(600);
        assertThat(before.get("proration")).isNotEmpty();
        assertThat(before.get("notification")).as("quota and release notices").isNotEmpty();
        for (String table : before.keySet()) {
            assertThat(after.get(table)).as("table " + table + " after a replay").isEqualTo(before.get(table));
        }

        for (Seen then : seen) {
            var asOf = ledger.get(then.path() + "?asOf=" + then.instant());
            assertThat(asOf.status()).as(asOf.toString()).isEqualTo(200);
            assertThat(asOf.body()).as("%s as of %s", then.path(), then.instant()).isEqualTo(then.answer());
        }
    }

    private Seen observe(String instant, String path) {
        var live = ledger.get(path);
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        return new Seen(instant, path, live.body());
    }

    private void awaitAllLive() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var status = ledger.get("/api/v1/admin/replay");
            assertThat(status.body().path("replaying").asBoolean()).isFalse();
            assertThat(status.body().path("items").findValuesAsText("live")).containsOnly("true");
        });
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("instance_view", jdbc.queryForList("SELECT * FROM instance_view ORDER BY instance_id"));
        tables.put("ledger_entry", jdbc.queryForList("SELECT * FROM ledger_entry ORDER BY event_id"));
        tables.put("proration", jdbc.queryForList("SELECT * FROM proration ORDER BY event_id"));
        tables.put("release_deadline", jdbc.queryForList("SELECT * FROM release_deadline ORDER BY instance_id"));
        tables.put("account_view", jdbc.queryForList("SELECT * FROM account_view ORDER BY customer_id"));
        tables.put("custom_quote_view", jdbc.queryForList("SELECT * FROM custom_quote_view ORDER BY quote_id"));
        tables.put("notification", jdbc.queryForList("SELECT * FROM notification ORDER BY event_id"));
        return tables;
    }
}
