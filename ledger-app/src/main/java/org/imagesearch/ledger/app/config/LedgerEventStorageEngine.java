package org.imagesearch.ledger.app.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.imagesearch.ledger.api.UtcInstants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon's JDBC event storage, except in two reads: the embedded event store's read-ahead takes at
 * most one batch of stored events per read (ADR 0014) and reads at most once per pace (ADR 0021),
 * and an aggregate's events are read in one query when they fit one batch (ADR 0019).
 *
 * <p><b>The read-ahead.</b> The event store's reader thread (the only caller of
 * {@code readEvents(token, mayBlock = true)}) fills the cache that the processors following the head
 * share. Axon's stream for it fetches batch after batch until one comes back empty, and for as long as
 * that read lasts the reader keeps the newest cached event it had when the read began, and with it
 * every event cached after it, however far the cache has been trimmed. Under a steady stream of
 * commands no batch need ever come back empty, so one read can last the whole load and hold every
 * event written meanwhile (docs/benchmarks.md, "Memory"). Ended after one batch, a read holds at most
 * that batch; the reader starts the next one once the pace allows (below), and a batch of 1,000
 * events per 5 ms is far more than the ledger writes.
 *
 * <p>The limit counts stored rows, before upcasting, so that the events an upcaster makes of one
 * stored event (which share its position) are never split between two reads.
 *
 * <p>A stored event's timestamp is read once, by {@link UtcInstants#stored} (see {@link #getTrackedEventData}).
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set on the builder here so that this engine's reads use the same values. */
    public static final int MAX_GAP_OFFSET = 10_000;
    public static final long LOWEST_GLOBAL_SEQUENCE = 1;
    public static final int GAP_TIMEOUT_MS = 60_000;

    private final long readAheadPaceNanos;
    private long lastReadAhead;
    private volatile int gapTimeoutMillis;

    /** An engine whose read-ahead reads as often as it is asked to, with Axon's gap timeout. */
    public LedgerEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        this(builder, Duration.ZERO, GAP_TIMEOUT_MS);
    }

    /**
     * An engine whose read-ahead starts a read at most once per {@code readAheadPace} (ADR 0021), and
     * which takes a position left unfilled for {@code gapTimeoutMillis} to stay empty.
     */
    public LedgerEventStorageEngine(JdbcEventStorageEngine.Builder builder, Duration readAheadPace,
                                    int gapTimeoutMillis) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(gapTimeoutMillis));
        this.readAheadPaceNanos = readAheadPace.toNanos();
        this.lastReadAhead = System.nanoTime() - readAheadPaceNanos; // the first read waits for nothing
        this.gapTimeoutMillis = gapTimeoutMillis;
    }

    @Override
    public void setGapTimeout(int gapTimeout) {
        super.setGapTimeout(gapTimeout);
        this.gapTimeoutMillis = gapTimeout;
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock) {
            pace();
        }
        Stream<? extends TrackedEventData<?>> rows = super.readEventData(trackingToken, mayBlock);
        return mayBlock ? rows.limit(batchSize()) : rows;
    }

    /**
     * <b>The read-ahead's pace.</b> Axon's reader reads again at once after every read that found
     * events, and wakes for every commit of this node: under a steady stream of commands it read one
     * or two events per read, a transaction and two or three statements each, about 0.8 reads per
     * command. Waiting out the pace since the last read lets events gather, so one read takes all
     * that came in meanwhile; a follower sees an event at most the pace later. Only the reader thread
     * reads with {@code mayBlock}, so this waits on that thread alone.
     */
    private void pace() {
        long due = lastReadAhead + readAheadPaceNanos;
        for (long wait = due - System.nanoTime(); wait > 0 && !Thread.currentThread().isInterrupted();
                wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait); // may return early: wait out the rest, unless the store is closing
        }
        lastReadAhead = System.nanoTime();
    }

    /**
     * <b>An aggregate's events.</b> Axon's JDBC engine asks for them by a range of sequence numbers
     * ({@code >= first AND < first + batch size}) and by default keeps asking for the next range
     * until one comes back empty: a second query for every aggregate loaded, though nearly all have
     * fewer events than a batch. The ledger's sequences have no gaps (Axon numbers an aggregate's
     * events one by one, the unique key keeps them apart, and no event is ever deleted), so a range
     * that comes back short is the end; a full one is still followed by the next.
     */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    /**
     * <b>A tracked event, its timestamp read once.</b> What Axon's {@code getTrackedEventData} does, the
     * same columns, the same token, but with the timestamp read into an {@link Instant} once: Axon's
     * entry keeps the text and parses it with a {@code DateTimeFormatter} at every
     * {@code getTimestamp()}, once for the token's gap check below and again for the message, and each
     * thread of a processor reads every event. In a replay on PostgreSQL those two readings were 13% of
     * the read models' time (docs/benchmarks.md, "Where the time goes").
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        DomainEventData<?> event = getDomainEventData(resultSet);
        boolean allowGaps = event.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minus(gapTimeoutMillis, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** A stored event as Axon reads it ({@code getDomainEventData}), its timestamp read once. */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        return new StoredEvent<>(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                UtcInstants.stored(resultSet.getString(schema.timestampColumn())),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
    }

    /** What Axon's {@code GenericDomainEventEntry} gives, with the timestamp kept as read. */
    private static final class StoredEvent<T> implements DomainEventData<T> {

        private final String type;
        private final String aggregateIdentifier;
        private final long sequenceNumber;
        private final String eventIdentifier;
        private final Instant timestamp;
        private final String payloadType;
        private final String payloadRevision;
        private final T payload;
        private final T metaData;

        StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                    Instant timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
            this.type = type;
            this.aggregateIdentifier = aggregateIdentifier;
            this.sequenceNumber = sequenceNumber;
            this.eventIdentifier = eventIdentifier;
            this.timestamp = timestamp;
            this.payloadType = payloadType;
            this.payloadRevision = payloadRevision;
            this.payload = payload;
            this.metaData = metaData;
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SerializedObject<T> getMetaData() {
            return new SerializedMetaData<>(metaData, (Class<T>) metaData.getClass());
        }

        @Override
        @SuppressWarnings("unchecked")
        public SerializedObject<T> getPayload() {
            return new SimpleSerializedObject<>(payload, (Class<T>) payload.getClass(),
                    new SimpleSerializedType(payloadType, payloadRevision));
        }
    }
}
