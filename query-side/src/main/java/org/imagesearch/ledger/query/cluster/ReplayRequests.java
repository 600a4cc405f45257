package org.imagesearch.ledger.query.cluster;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

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

    /** {@code requestedBy}: the node carrying the replay out (the one asked, or one that took it over). */
    public record Request(long generation, Phase phase, String requestedBy) {
    }

    private final JdbcTemplate jdbc;

    public ReplayRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Request current() {
        return jdbc.queryForObject("SELECT generation, phase, requested_by FROM replay_request WHERE id = 1",
                (rs, row) -> new Request(rs.getLong(1), Phase.valueOf(rs.getString(2)), rs.getString(3)));
    }

    /** Asks every node to stop for a new replay; empty if one is already under way. */
    public Optional<Long> begin(String node) {
        int updated = jdbc.update("UPDATE replay_request SET generation = generation + 1, phase = 'STOPPING',"
                + " requested_by = ? WHERE id = 1 AND phase = 'RUNNING'", node);
        return updated == 0 ? Optional.empty() : Optional.of(current().generation());
    }

    /**
     * Makes {@code node} the one carrying out replay {@code generation}, still stopping, if {@code from}
     * still is; false if another node took it over first or it has finished.
     */
    public boolean takeOver(long generation, String from, String node) {
        return jdbc.update("UPDATE replay_request SET requested_by = ? WHERE id = 1 AND generation = ?"
                + " AND phase = 'STOPPING' AND requested_by = ?", node, generation, from) == 1;
    }

    public boolean keyUsed(String caller, String key, Instant since) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM replay_key WHERE caller = ? AND idem_key = ?"
                + " AND created_at > ?", Integer.class, caller, key, Timestamp.from(since));
        return count != null && count > 0;
    }

    public void rememberKey(String caller, String key, long generation, Instant at) {
        jdbc.update("DELETE FROM replay_key WHERE caller = ? AND idem_key = ?", caller, key);
        jdbc.update("INSERT INTO replay_key (caller, idem_key, generation, created_at) VALUES (?, ?, ?, ?)", caller,
                key, generation, Timestamp.from(at));
    }

    /**
     * Lets every node run again after replay {@code generation} was reset by {@code node}; false if
     * another node has taken the replay over meanwhile (it finishes it then).
     */
    public boolean finish(long generation, String node) {
        return jdbc.update("UPDATE replay_request SET phase = 'RUNNING' WHERE id = 1 AND generation = ?"
                + " AND phase = 'STOPPING' AND requested_by = ?", generation, node) == 1;
    }

    /** The request row, if {@code node} still carries replay {@code generation} out. */
    private static final String CARRIED_OUT_BY = "SELECT generation FROM replay_request WHERE id = 1"
            + " AND generation = ? AND phase = 'STOPPING' AND requested_by = ?";

    /** Whether {@code node} still carries replay {@code generation} out (no lock taken). */
    public boolean carriedOutBy(long generation, String node) {
        return !jdbc.queryForList(CARRIED_OUT_BY, Long.class, generation, node).isEmpty();
    }

    /**
     * Within the caller's transaction, locks the request row if {@code node} still carries replay
     * {@code generation} out (so no takeover can commit until that transaction ends); false if not.
     */
    public boolean holdIfCarriedOutBy(long generation, String node) {
        return !jdbc.queryForList(CARRIED_OUT_BY + " FOR UPDATE", Long.class, generation, node).isEmpty();
    }
}
