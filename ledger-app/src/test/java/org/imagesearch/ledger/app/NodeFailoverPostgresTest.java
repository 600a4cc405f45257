package org.imagesearch.ledger.app;

import org.imagesearch.ledger.query.progress.Projections;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill one of two nodes in the middle of a load: the other takes over its projection segments once
 * their claims time out, and the read models catch up with every event.
 */
class NodeFailoverPostgresTest {

    private static final List<String> PROJECTIONS = Projections.ALL;
    private static final String[] SETTINGS = {
            "--axon.eventhandling.tokenstore.claim-timeout=5s",
            "--ledger.cluster.round-interval=PT0.2S",
            "--ledger.cluster.node-alive-for=PT3S"};

    @Test
    void theSurvivorTakesOverTheSegmentsOfAKilledNodeAndTheReadModelsCatchUp() throws Exception {
        TestDatabase.Target database = TestDatabase.create("failover");
        try (LedgerNode a = LedgerNode.start(database, "node-a", SETTINGS)) {
            Process b = startInAnotherJvm(database, "node-b");
            try {
                LedgerClient bClient = new LedgerClient(portOf(b));
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                        assertThat(bClient.get("/actuator/health").status()).isEqualTo(200));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOwners(a, "node-a", "node-b"));

                Set<Long> answered = ConcurrentHashMap.newKeySet();
                for (int i = 0; i < 120; i++) {
                    LedgerClient client = i % 2 == 0 || !b.isAlive() ? a.client() : bClient;
                    if (i == 60) {
                        b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);   // kill -9, mid-load
                    }
                    try {
                        var purchase = client.purchase("failover-" + i + "-" + System.nanoTime(), 2_500_000, 5, false);
                        if (purchase.status() == 201) {
                            answered.add(purchase.body().path("position").asLong());
                            var change = client.changePackage(purchase.text("instanceId"), 10_000_000, 10);
                            if (change.status() == 200) {
                                answered.add(change.body().path("position").asLong());
                            }
                        }
                    } catch (RuntimeException unanswered) {
                        // the killed node does not answer; nothing it did not answer is counted
                    }
                }
                assertThat(answered).hasSizeGreaterThan(150);

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertOwners(a, "node-a"));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(a.client().get("/api/v1/admin/replay").body().path("items")
                                .findValuesAsText("live")).containsOnly("true"));

                for (long position : answered) {
                    assertThat(a.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index = ?",
                            Long.class, position)).as("answered event at " + position).isEqualTo(1);
                }
                long purchases = count(a, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackagePurchased'");
                long changes = count(a, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PackageChanged'");
                assertThat(count(a, "SELECT COUNT(*) FROM instance_view")).isEqualTo(purchases);
                assertThat(count(a, "SELECT COUNT(*) FROM ledger_entry")).isEqualTo(purchases + changes);
                assertThat(count(a, "SELECT COUNT(*) FROM proration")).isEqualTo(changes);
            } finally {
                b.destroyForcibly();
            }
        }
    }

    private static void assertOwners(LedgerNode node, String... owners) {
        for (String projection : PROJECTIONS) {
            assertThat(node.jdbc().queryForList("SELECT owner FROM token_entry WHERE processor_name = ?", String.class,
                    projection)).as(projection).hasSize(2).containsOnly(owners).contains(owners);
        }
    }

    private static long count(LedgerNode node, String sql) {
        return node.jdbc().queryForObject(sql, Long.class);
    }

    private static final java.util.Map<Process, Integer> PORTS = new ConcurrentHashMap<>();

    private static int portOf(Process process) {
        return PORTS.get(process);
    }

    /** The same ledger, in a JVM of its own that the test can kill. */
    private static Process startInAnotherJvm(TestDatabase.Target database, String nodeId) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "--server.port=" + port, "--ledger.node-id=" + nodeId));
        command.addAll(database.arguments());
        command.addAll(List.of(SETTINGS));
        File log = Path.of("target", nodeId + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log).start();
        PORTS.put(process, port);
        return process;
    }
}
