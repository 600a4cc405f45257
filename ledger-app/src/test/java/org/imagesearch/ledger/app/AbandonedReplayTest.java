package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay whose node died before it finished (its tables perhaps already emptied, its tokens not
 * yet reset) is carried out by the next node that finds it, so the read models neither stay stopped
 * nor come back with a hole.
 */
class AbandonedReplayTest {

    /** What a node that died halfway through a replay leaves: the request still stopping, a table emptied. */
    private static void leaveAReplayHalfDone(JdbcTemplate jdbc, String node) {
        jdbc.update("UPDATE replay_request SET generation = generation + 1, phase = 'STOPPING', requested_by = ?"
                + " WHERE id = 1", node);
        jdbc.update("DELETE FROM instance_view");
    }

    private static String purchasedAndProjected(LedgerNode node) {
        var purchase = node.client().purchase("abandoned-" + node.id(), 2_500_000, 5, false);
        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);
        String instanceId = purchase.text("instanceId");
        assertThat(node.client().get("/api/v1/instances/" + instanceId + "?minPosition=" + purchase.text("position"))
                .status()).isEqualTo(200);
        return instanceId;
    }

    private static void awaitRebuilt(LedgerNode node, String instanceId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(node.jdbc().queryForObject("SELECT phase FROM replay_request WHERE id = 1", String.class))
                    .isEqualTo("RUNNING");
            var view = node.client().instance(instanceId);
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.text("state")).isEqualTo("ACTIVE");
        });
        assertThat(node.jdbc().queryForObject("SELECT requested_by FROM replay_request WHERE id = 1", String.class))
                .isEqualTo(node.id());
    }

    @Test
    void aReplayWhoseNodeIsGoneIsCarriedOutByANodeThatIsUp() {
        TestDatabase.Target database = TestDatabase.create("abandoned-gone");
        try (LedgerNode node = LedgerNode.start(database, "node-up")) {
            String instanceId = purchasedAndProjected(node);
            leaveAReplayHalfDone(node.jdbc(), "node-gone");
            awaitRebuilt(node, instanceId);
        }
    }

    @Test
    void aReplayLeftByANodeThatRestartsIsCarriedOutWhenItIsBack() {
        TestDatabase.Target database = TestDatabase.create("abandoned-restart");
        String instanceId;
        try (LedgerNode node = LedgerNode.start(database, "node-a")) {
            instanceId = purchasedAndProjected(node);
        }
        leaveAReplayHalfDone(new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password())), "node-a");
        try (LedgerNode node = LedgerNode.start(database, "node-a")) {
            awaitRebuilt(node, instanceId);
        }
    }
}
