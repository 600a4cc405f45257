package org.imagesearch.ledger.query.history;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.imagesearch.ledger.api.LedgerEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads events straight from the event store, upcast and deserialized exactly as the processors
 * see them, with their global positions. As-of views and the audit trail are built from this, never
 * from a copy that could drift.
 */
public class EventHistory {

    private final JdbcTemplate jdbc;
    private final EventSchema schema;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    public EventHistory(JdbcTemplate jdbc, EventSchema schema, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** A recorded event with its global position. */
    public record Recorded(long position, DomainEventMessage<?> message) {

        public Object payload() {
            return message.getPayload();
        }

        /** When the fact took effect, by the business clock. */
        public Instant occurredAt() {
            return message.getPayload() instanceof LedgerEvent event ? event.occurredAt() : message.getTimestamp();
        }
    }

    /** Every event of these aggregates that occurred at or before {@code until} (all if null), in global order. */
    public List<Recorded> of(Collection<String> aggregateIdentifiers, Instant until) {
        if (aggregateIdentifiers.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(",", Collections.nCopies(aggregateIdentifiers.size(), "?"));
        String sql = "SELECT " + schema.globalIndexColumn() + ", " + schema.typeColumn() + ", "
                + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + ", "
                + schema.eventIdentifierColumn() + ", " + schema.timestampColumn() + ", "
                + schema.payloadTypeColumn() + ", " + schema.payloadRevisionColumn() + ", " + schema.payloadColumn()
                + ", " + schema.metaDataColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " IN (" + placeholders + ") ORDER BY "
                + schema.globalIndexColumn();
        List<TrackedDomainEventData<byte[]>> rows = jdbc.query(sql, (rs, row) -> new TrackedDomainEventData<>(
                new GlobalSequenceTrackingToken(rs.getLong(1)),
                new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10))),
                aggregateIdentifiers.toArray());
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .map(message -> new Recorded(message.trackingToken().position().orElseThrow(),
                        (DomainEventMessage<?>) message))
                .filter(recorded -> until == null || !recorded.occurredAt().isAfter(until))
                .collect(Collectors.toList());
    }

    public List<Recorded> of(String aggregateIdentifier, Instant until) {
        return of(List.of(aggregateIdentifier), until);
    }

    /** The global position of the latest event in the store; 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(" + schema.globalIndexColumn() + ") FROM "
                + schema.domainEventTable(), Long.class);
        return head == null ? 0 : head;
    }

}
