package org.imagesearch.ledger.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands events to a projection through Axon's own annotation dispatching, as tracked events with
 * global positions, the way a streaming processor does.
 */
public final class Feed {

    private final AnnotationEventHandlerAdapter adapter;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;

    public Feed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public Feed events(List<Object> events) {
        for (Object event : events) {
            String aggregate = aggregateOf(event);
            long sequence = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
            position++;
            try {
                adapter.handle(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                        new GenericDomainEventMessage<>("Instance", aggregate, sequence, event)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
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
