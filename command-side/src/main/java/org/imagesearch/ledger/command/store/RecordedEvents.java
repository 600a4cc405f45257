package org.imagesearch.ledger.command.store;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Optional;

/** Facts about what the event store holds, read straight from its table. */
public class RecordedEvents {

    private final JdbcTemplate jdbc;
    private final String lastPositionSql;
    private final String latestTimestampSql;
    private final String headSql;

    public RecordedEvents(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.lastPositionSql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
        this.headSql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable();
        this.latestTimestampSql = "SELECT " + schema.timestampColumn() + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " = (SELECT MAX(" + schema.globalIndexColumn()
                + ") FROM " + schema.domainEventTable() + ")";
    }

    /** The global position of the latest event of one aggregate: what a reader waits for to see it. */
    public Optional<Long> lastPositionOf(String aggregateIdentifier) {
        return Optional.ofNullable(jdbc.queryForObject(lastPositionSql, Long.class, aggregateIdentifier));
    }

    /** The global position of the latest event in the store; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject(headSql, Long.class);
        return head == null ? 0 : head;
    }

    /** When the latest event was recorded, by the business clock. */
    public Optional<Instant> latestTimestamp() {
        return jdbc.query(latestTimestampSql, (rs, row) -> Instant.parse(rs.getString(1))).stream().findFirst();
    }
}
