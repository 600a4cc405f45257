package org.imagesearch.ledger.query.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The query nodes sharing this database, known by their heartbeats in {@code query_node}. Times are
 * wall-clock milliseconds: this is about processes, not business time.
 */
public class QueryNodes {

    private final JdbcTemplate jdbc;
    private final String self;
    private final Clock wallClock;
    private final Duration aliveFor;

    public QueryNodes(JdbcTemplate jdbc, String self, Clock wallClock, Duration aliveFor) {
        this.jdbc = jdbc;
        this.self = self;
        this.wallClock = wallClock;
        this.aliveFor = aliveFor;
    }

    public String self() {
        return self;
    }

    /** Says this node is alive; registers it the first time. */
    public void heartbeat() {
        long now = wallClock.millis();
        if (jdbc.update("UPDATE query_node SET heartbeat_ms = ? WHERE node_id = ?", now, self) == 0) {
            jdbc.update("INSERT INTO query_node (node_id, heartbeat_ms, stopped_generation) VALUES (?, ?, -1)",
                    self, now);
        }
    }

    public void leave() {
        jdbc.update("DELETE FROM query_node WHERE node_id = ?", self);
    }

    /** The nodes whose last heartbeat is recent, this one included. */
    public List<String> alive() {
        List<String> alive = jdbc.queryForList("SELECT node_id FROM query_node WHERE heartbeat_ms >= ? ORDER BY node_id",
                String.class, wallClock.millis() - aliveFor.toMillis());
        return alive.contains(self) ? alive : concat(alive, self);
    }

    /** Records that this node has stopped its projections for replay {@code generation}. */
    public void stoppedFor(long generation) {
        jdbc.update("UPDATE query_node SET stopped_generation = ? WHERE node_id = ?", generation, self);
    }

    /** The live nodes that have not yet stopped their projections for {@code generation}. */
    public List<String> notYetStoppedFor(long generation) {
        return jdbc.queryForList("SELECT node_id FROM query_node WHERE heartbeat_ms >= ? AND stopped_generation < ?",
                String.class, wallClock.millis() - aliveFor.toMillis(), generation);
    }

    private static List<String> concat(List<String> nodes, String node) {
        return java.util.stream.Stream.concat(nodes.stream(), java.util.stream.Stream.of(node)).sorted().toList();
    }
}
