package org.imagesearch.ledger.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands events to a projection through Axon's own annotation dispatching, as tracked events with
 * global positions, the way a streaming processor does.
 */
public final class Feed {

    private final AnnotationEventHandlerAdapter adapter;
    private final JdbcTemplate eventStore;
    private final Map<String, Long> sequences = new HashMap<>();

    /** Feeds {@code projection}, recording each event's position in the test's event table. */
    public Feed(Object projection, JdbcTemplate eventStore) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
        this.eventStore = eventStore;
    }

    public Feed events(List<Object> events) {
        for (Object event : events) {
            String aggregate = aggregateOf(event);
            long sequence = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
            var message = new GenericDomainEventMessage<>("Instance", aggregate, sequence, event);
            Long last = eventStore.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            long position = last == null ? 1 : last + 1;
            eventStore.update("INSERT INTO domain_event_entry (global_index, event_identifier) VALUES (?, ?)", position,
                    message.getIdentifier());
            try {
                adapter.handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                        message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /**
     * Hands an event over as the event store does when it was committed after later ones: with a
     * token that names the furthest position seen, not the event's own.
     */
    public Feed late(Object event, long furthestPositionSeen) {
        String aggregate = aggregateOf(event);
        long sequence = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
        var message = new GenericDomainEventMessage<>("Instance", aggregate, sequence, event);
        Long last = eventStore.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        eventStore.update("INSERT INTO domain_event_entry (global_index, event_identifier) VALUES (?, ?)",
                (last == null ? 0 : last) + 1, message.getIdentifier());
        try {
            adapter.handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(furthestPositionSeen),
                    message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public void reset() {
        adapter.prepareReset(null);
    }

    private static String aggregateOf(Object event) {
        try {
            return event.getClass().getMethod("instanceId").invoke(event).toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Not an instance event: " + event, e);
        }
    }
}
