package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay's rebuild runs in chunks while commands keep coming, then hands over to the processor:
 * every event, those committed during the rebuild too, is projected exactly once, each ledger entry at
 * its own event's position (ADR 0029).
 */
class ReplayRebuildHandOverTest {

    @Test
    void everyEventIsProjectedOnceWhetherTheRebuildOrTheProcessorTookIt() {
        TestDatabase.Target database = TestDatabase.create("rebuild-handover");
        try (LedgerNode node = LedgerNode.start(database, "node-rebuild", "--ledger.replay.chunk-size=7")) {
            List<String> instances = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                instances.add(purchase(node, "before-" + i));
            }
            for (String instance : instances.subList(0, 100)) {
                var change = node.client().changePackage(instance, 10_000_000, 10);
                assertThat(change.status()).as(change.toString()).isEqualTo(200);
            }
            awaitLive(node);

            var replay = node.client().post("/api/v1/admin/replay", "");
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            for (int i = 0; i < 40; i++) {
                purchase(node, "during-" + i);
            }
            awaitLive(node);

            long purchases = count(node, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackagePurchased'");
            long changes = count(node, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackageChanged'");
            assertThat(purchases).isEqualTo(190);
            assertThat(changes).isEqualTo(100);
            assertThat(count(node, "SELECT COUNT(*) FROM instance_view")).isEqualTo(purchases);
            assertThat(count(node, "SELECT COUNT(*) FROM ledger_entry")).isEqualTo(purchases + changes);
            assertThat(count(node, "SELECT COUNT(*) FROM proration")).isEqualTo(changes);
            assertThat(count(node, "SELECT COUNT(*) FROM ledger_entry l JOIN domain_event_entry e"
                    + " ON e.event_identifier = l.event_id AND e.global_index = l.position"))
                    .as("every entry at its own event's position").isEqualTo(purchases + changes);
            assertThat(count(node, "SELECT COUNT(*) FROM instance_view WHERE state = 'ACTIVE'")).isEqualTo(purchases);
        }
    }

    private static String purchase(LedgerNode node, String customer) {
        var purchase = node.client().purchase(customer + "-" + System.nanoTime(), 2_500_000, 5, false);
        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);
        return purchase.text("instanceId");
    }

    private static void awaitLive(LedgerNode node) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var status = node.client().get("/api/v1/admin/replay");
            assertThat(status.body().path("replaying").asBoolean()).isFalse();
            assertThat(status.body().path("items").findValuesAsText("live")).containsOnly("true");
        });
    }

    private static long count(LedgerNode node, String sql) {
        return node.jdbc().queryForObject(sql, Long.class);
    }
}
