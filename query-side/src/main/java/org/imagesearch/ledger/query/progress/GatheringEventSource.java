package org.imagesearch.ledger.query.progress;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the read models' processor reads it: a batch that begins while events trickle
 * in gathers them for up to {@code window} before it closes (ADR 0015).
 *
 * <p>Axon's tracking processor closes a batch as soon as no further event is already there, so
 * under a steady stream of commands each batch holds one or two events and pays a transaction, a
 * token update and a commit for them. Here the processor's look at the next event ({@link
 * BlockingStream#peek()}) waits, while the batch's window is open, for one to arrive. A batch still
 * closes at the processor's batch size, and after {@code maxEvents} events taken in one window this
 * stream no longer waits. A stream that is behind (a replay, a catch-up) always has the next event
 * at hand and never waits. A window of zero is Axon's behaviour.
 */
public final class GatheringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long windowNanos;
    private final int maxEvents;

    public GatheringEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration window,
                                int maxEvents) {
        if (window.isNegative() || maxEvents < 1) {
            throw new IllegalArgumentException("A gathering window must not be negative, nor maxEvents below 1");
        }
        this.store = store;
        this.windowNanos = window.toNanos();
        this.maxEvents = maxEvents;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(trackingToken);
        return windowNanos == 0 ? stream : new GatheringStream(stream, windowNanos, maxEvents);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /**
     * A window opens each time the processor, waiting for a batch to begin, is told an event is
     * there ({@link #hasNextAvailable(int, TimeUnit)} answers true); it closes after its time or its
     * events. Only {@link #peek()} waits, and only while a window is open.
     */
    static final class GatheringStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final long windowNanos;
        private final int maxEvents;
        private long windowEnd;
        private int taken;
        private boolean open;

        GatheringStream(BlockingStream<TrackedEventMessage<?>> events, long windowNanos, int maxEvents) {
            this.events = events;
            this.windowNanos = windowNanos;
            this.maxEvents = maxEvents;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            boolean available = events.hasNextAvailable(timeout, unit);
            if (available) {
                open = true;
                taken = 0;
                windowEnd = System.nanoTime() + windowNanos;
            }
            return available;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = events.peek();
            if (next.isPresent() || !open) {
                return next;
            }
            long remaining = windowEnd - System.nanoTime();
            if (remaining <= 0 || taken >= maxEvents) {
                open = false;
                return next;
            }
            try {
                int micros = (int) Math.min(TimeUnit.NANOSECONDS.toMicros(remaining) + 1, Integer.MAX_VALUE);
                if (events.hasNextAvailable(micros, TimeUnit.MICROSECONDS)) {
                    return events.peek();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open = false;
            return Optional.empty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = events.nextAvailable();
            taken++;
            return next;
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public void close() {
            events.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }
    }
}
