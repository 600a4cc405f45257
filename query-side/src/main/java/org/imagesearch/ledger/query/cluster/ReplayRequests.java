package org.imagesearch.ledger.query.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one row of {@code replay_request}: which replay generation is asked for, and whether the
 * query nodes should be stopping for it or running.
 */
public class ReplayRequests {

    public enum Phase {
        /** Every query node stops its projections; one node then resets them. */
        STOPPING,
        /** Every query node runs its projections. */
        RUNNING
    }

    public record Request(long generation, Phase phase) {
    }

    private final JdbcTemplate jdbc;

    public ReplayRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Request current() {
        return jdbc.queryForObject("SELECT generation, phase FROM replay_request WHERE id = 1",
                (rs, row) -> new Request(rs.getLong(1), Phase.valueOf(rs.getString(2))));
    }

    /** Asks every node to stop for a new replay; empty if one is already under way. */
    public java.util.Optional<Long> begin(String node) {
        int updated = jdbc.update("UPDATE replay_request SET generation = generation + 1, phase = 'STOPPING',"
                + " requested_by = ? WHERE id = 1 AND phase = 'RUNNING'", node);
        return updated == 0 ? java.util.Optional.empty() : java.util.Optional.of(current().generation());
    }

    /** Lets every node run again after replay {@code generation} was reset. */
    public void finish(long generation) {
        jdbc.update("UPDATE replay_request SET phase = 'RUNNING' WHERE id = 1 AND generation = ?", generation);
    }
}
