package org.imagesearch.ledger.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Tells the sender of a command which event of an instance the command recorded last, so that its
 * answer can name that event's global position exactly, even when other commands on the same
 * instance commit right after it.
 *
 * <p>Registered on the event store, it notes the sequence number of every event as the command's
 * unit of work hands it over for storage. The command bus is the synchronous
 * {@code SimpleCommandBus}, so that happens on the sender's own thread, which reads the note once
 * the command has returned.
 */
public class RecordedSequence implements MessageDispatchInterceptor<EventMessage<?>> {

    /** Only threads that called {@link #begin} keep notes: the deadline workers and processors never read them. */
    private static final ThreadLocal<Map<String, Long>> RECORDED = new ThreadLocal<>();

    /** Forgets what this thread's previous commands recorded; call before sending a command. */
    public void begin() {
        RECORDED.set(new HashMap<>());
    }

    /** The sequence number of the last event this thread's command recorded for the aggregate, if any. */
    public Optional<Long> lastOf(String aggregateIdentifier) {
        Map<String, Long> recorded = RECORDED.get();
        return recorded == null ? Optional.empty() : Optional.ofNullable(recorded.get(aggregateIdentifier));
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        return (index, event) -> {
            Map<String, Long> recorded = RECORDED.get();
            if (recorded != null && event instanceof DomainEventMessage<?> domainEvent) {
                recorded.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
            }
            return event;
        };
    }
}
