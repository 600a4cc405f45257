package org.imagesearch.ledger.app;

import org.springframework.jdbc.core.JdbcTemplate;

/** Counts what the event store holds, to prove what a request did or did not record. */
public final class EventCounts {

    private final JdbcTemplate jdbc;

    public EventCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long all() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    public long of(String instanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, instanceId);
    }

    /** Events of one instance whose payload type ends with {@code simpleName}. */
    public long of(String instanceId, String simpleName) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE ?", Long.class, instanceId, "%." + simpleName);
    }

    public long claimRows() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM purchase_claim) + (SELECT COUNT(*) FROM trial_claim)"
                + " + (SELECT COUNT(*) FROM custom_quote) + (SELECT COUNT(*) FROM payment_reference)"
                + " + (SELECT COUNT(*) FROM receivable_deadline)", Long.class);
    }
}
