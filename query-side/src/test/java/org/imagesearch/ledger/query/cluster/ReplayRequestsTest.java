package org.imagesearch.ledger.query.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who carries a replay out, and that only that node may end it. */
class ReplayRequestsTest {

    private final ReplayRequests replays = new ReplayRequests(database());

    private static JdbcTemplate database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/common/V2026.11.26.5__query_nodes_and_replays.sql")).execute(dataSource);
        return new JdbcTemplate(dataSource);
    }

    @Test
    void aNodeThatLostItsReplayToATakeoverCanNeitherResetNorFinishIt() {
        long generation = replays.begin("node-a").orElseThrow();

        assertThat(replays.takeOver(generation, "node-a", "node-b")).isTrue();
        assertThat(replays.takeOver(generation, "node-a", "node-c")).as("only one takes it over").isFalse();
        assertThat(replays.holdIfCarriedOutBy(generation, "node-a")).isFalse();
        assertThat(replays.finish(generation, "node-a")).isFalse();
        assertThat(replays.current().phase()).isEqualTo(ReplayRequests.Phase.STOPPING);

        assertThat(replays.holdIfCarriedOutBy(generation, "node-b")).isTrue();
        assertThat(replays.finish(generation, "node-b")).isTrue();
        assertThat(replays.current()).isEqualTo(new ReplayRequests.Request(generation,
                ReplayRequests.Phase.RUNNING, "node-b"));
        assertThat(replays.takeOver(generation, "node-b", "node-c")).as("a finished replay").isFalse();
    }

    @Test
    void aSecondReplayIsRefusedWhileOneIsStopping() {
        assertThat(replays.begin("node-a")).isPresent();
        assertThat(replays.begin("node-b")).isEmpty();
    }
}
