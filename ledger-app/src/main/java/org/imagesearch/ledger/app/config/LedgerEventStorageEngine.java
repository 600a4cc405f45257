package org.imagesearch.ledger.app.config;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
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
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    private final long readAheadPaceNanos;
    private long lastReadAhead;

    /** An engine whose read-ahead reads as often as it is asked to. */
    public LedgerEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        this(builder, Duration.ZERO);
    }

    /** An engine whose read-ahead starts a read at most once per {@code readAheadPace} (ADR 0021). */
    public LedgerEventStorageEngine(JdbcEventStorageEngine.Builder builder, Duration readAheadPace) {
        super(builder);
        this.readAheadPaceNanos = readAheadPace.toNanos();
        this.lastReadAhead = System.nanoTime() - readAheadPaceNanos; // the first read waits for nothing
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
}
