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

    private static final ThreadLocal<Map<String, Long>> RECORDED = ThreadLocal.withInitial(HashMap::new);

    /** Forgets what this thread's previous commands recorded; call before sending a command. */
    public void begin() {
        RECORDED.get().clear();
    }

    /** The sequence number of the last event this thread's command recorded for the aggregate, if any. */
    public Optional<Long> lastOf(String aggregateIdentifier) {
        return Optional.ofNullable(RECORDED.get().get(aggregateIdentifier));
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        return (index, event) -> {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                RECORDED.get().merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
            }
            return event;
        };
    }
}
