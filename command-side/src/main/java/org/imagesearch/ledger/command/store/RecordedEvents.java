package org.imagesearch.ledger.command.store;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.time.Instant;
import java.util.Optional;

/** Facts about what the event store holds, read straight from its table. */
public class RecordedEvents {

    /** The metadata key of the business time at which an event was recorded. */
    public static final String BUSINESS_TIME = "businessTime";
    private static final ObjectMapper METADATA = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String lastPositionSql;
    private final String latestTimestampSql;
    private final String headSql;
    private final String lastSequenceSql;
    private final String positionSql;

    public RecordedEvents(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.lastPositionSql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
        this.positionSql = "SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?";
        this.lastSequenceSql = "SELECT MAX(" + schema.sequenceNumberColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
        this.headSql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable();
        this.latestTimestampSql = "SELECT " + schema.metaDataColumn() + ", " + schema.timestampColumn() + " FROM "
                + schema.domainEventTable()
                + " WHERE " + schema.globalIndexColumn() + " = (SELECT MAX(" + schema.globalIndexColumn()
                + ") FROM " + schema.domainEventTable() + ")";
    }

    /** The global position of the latest event of one aggregate: what a reader waits for to see it. */
    public Optional<Long> lastPositionOf(String aggregateIdentifier) {
        return Optional.ofNullable(jdbc.queryForObject(lastPositionSql, Long.class, aggregateIdentifier));
    }

    /** The global position of one aggregate's event with the given sequence number. */
    public Optional<Long> positionOf(String aggregateIdentifier, long sequenceNumber) {
        return jdbc.query(positionSql, (rs, row) -> rs.getLong(1), aggregateIdentifier, sequenceNumber).stream()
                .findFirst();
    }

    /** The sequence number of the latest event of one aggregate, if it has any. */
    public Optional<Long> lastSequenceOf(String aggregateIdentifier) {
        return Optional.ofNullable(jdbc.queryForObject(lastSequenceSql, Long.class, aggregateIdentifier));
    }

    /** The global position of the latest event in the store; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject(headSql, Long.class);
        return head == null ? 0 : head;
    }

    /**
     * When the latest event was recorded, by the business clock: its {@value #BUSINESS_TIME} metadata
     * (or, for an event recorded before that metadata existed, its timestamp).
     * Events are recorded in the order of that time, since the business clock only moves forward
     * past recorded events.
     */
    public Optional<Instant> latestBusinessTime() {
        return jdbc.query(latestTimestampSql, (rs, row) -> {
            Optional<Instant> businessTime = businessTimeIn(rs.getBytes(1));
            return businessTime.isPresent() ? businessTime.get() : Instant.parse(rs.getString(2));
        }).stream().findFirst();
    }

    private static Optional<Instant> businessTimeIn(byte[] metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        try {
            JsonNode time = METADATA.readTree(metadata).get(BUSINESS_TIME);
            return time == null || !time.isTextual() ? Optional.empty() : Optional.of(Instant.parse(time.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("The latest event's metadata is not JSON", e);
        }
    }
}
