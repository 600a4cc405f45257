package org.imagesearch.ledger.query.progress;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.imagesearch.ledger.query.readtable.StorePosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Rebuilds a projection that was just reset, from the first event to the head of the store, in
 * place of its processor's own replay (ADR 0029). The events are read once, in order, by one reader
 * thread, instead of once by each of the processor's threads; the reader hands each segment its
 * share of every chunk of {@code chunkSize} events, and a writer thread per segment passes it to
 * the processor's own event handlers and commits its read-table rows in one transaction with the
 * segment's token: what the processor's thread for that segment would have stored after the same
 * events. Once the store has nothing more, the processor takes over from those tokens.
 *
 * <p>What the handlers see is what the processor's replay would give them: each event with its
 * segment's token (a {@link ReplayToken} until the position at the reset), in a batching unit of
 * work, in which each read table's rows are written once per chunk. The rebuild knows each event's
 * position in the store, and hands it to the read tables that keep it ({@link StorePosition}).
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventStorageEngine store;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int chunkSize;

    public ReadModelRebuild(EventStorageEngine store, TokenStore tokens, TransactionManager transactions,
                            int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("A rebuild's chunk holds at least one event, not " + chunkSize);
        }
        this.store = store;
        this.tokens = tokens;
        this.transactions = transactions;
        this.chunkSize = chunkSize;
    }

    /**
     * Rebuilds {@code processor}, stopped on every node and just reset (every segment replaying from
     * one position, the tail of the store after a reset), up to the store's head, and returns how many
     * events it read. Each chunk asks {@code stillOurs} in its transaction, and the rebuild stops
     * there ({@link RebuildTakenOver}) once it does not hold. That check takes no lock, so that the
     * writers do not wait on one another: what keeps a node that took the replay over from resetting
     * while a chunk commits is the segments' claims, which each chunk renews as it stores its token
     * and which the reset must take. A processor whose segments are not all at one replay position
     * (or not of a kind this can drive) is left to replay by itself: nothing is read, and 0 is returned.
     */
    public long rebuild(StreamingEventProcessor processor, BooleanSupplier stillOurs) throws InterruptedException {
        if (!(processor instanceof AbstractEventProcessor handling)) {
            return 0;
        }
        String name = processor.getName();
        Segments segments = transactions.fetchInTransaction(() -> Segments.claim(tokens, name));
        try {
            if (!segments.replayingFromOnePosition()) {
                log.info("{} is not being replayed from one position; its processor replays it", name);
                return 0;
            }
            return project(name, handling.eventHandlerInvoker(), segments, stillOurs);
        } finally {
            transactions.executeInTransaction(() -> segments.release(tokens, name));
        }
    }

    private long project(String name, EventHandlerInvoker invoker, Segments segments, BooleanSupplier stillOurs)
            throws InterruptedException {
        long started = System.nanoTime();
        long read = new Run(name, invoker, segments, stillOurs).execute();
        log.info("Rebuilt {} from {} events in {} ms", name, read, (System.nanoTime() - started) / 1_000_000);
        return read;
    }

    /**
     * One rebuild's threads: a reader, which reads the events in order, deserializes them, works out
     * each one's position and segment, and moves every segment's token past it; and a writer per
     * segment, which projects that segment's share of each chunk in a transaction of its own with its
     * segment's token, as each of the processor's threads does. The first to fail stops the others.
     */
    private final class Run {

        private static final Object END = new Object();

        private final String name;
        private final EventHandlerInvoker invoker;
        private final Segments segments;
        private final BooleanSupplier stillOurs;
        private final List<BlockingQueue<Object>> pieces = new ArrayList<>();

        Run(String name, EventHandlerInvoker invoker, Segments segments, BooleanSupplier stillOurs) {
            this.name = name;
            this.invoker = invoker;
            this.segments = segments;
            this.stillOurs = stillOurs;
            for (int i = 0; i < segments.count(); i++) {
                pieces.add(new ArrayBlockingQueue<>(1));
            }
        }

        long execute() throws InterruptedException {
            AtomicInteger threadNumber = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(segments.count() + 1, runnable -> {
                Thread thread = new Thread(runnable, "rebuild-" + name + "-" + threadNumber.getAndIncrement());
                thread.setDaemon(true);
                return thread;
            });
            try {
                CompletionService<Long> done = new ExecutorCompletionService<>(threads);
                Future<Long> reading = done.submit(this::read);
                for (int i = 0; i < segments.count(); i++) {
                    int segment = i;
                    done.submit(() -> write(segment));
                }
                for (int finished = 0; finished <= segments.count(); finished++) {
                    try {
                        done.take().get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException("Rebuilding " + name + " failed", e.getCause());
                    }
                }
                return reading.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Rebuilding " + name + " failed", e.getCause());
            } finally {
                threads.shutdownNow();
                if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("The threads rebuilding {} were still running 10 s after they were stopped", name);
                }
            }
        }

        /** Reads every event, handing each segment its share of every chunk; returns how many it read. */
        private long read() throws InterruptedException {
            long read = 0;
            try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(segments.start(), false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                List<Piece> chunk = newChunk();
                int inChunk = 0;
                TrackingToken previous = segments.start();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    Long position = positionOf(previous, event.trackingToken());
                    previous = event.trackingToken();
                    int segment = segments.advanceTo(event.trackingToken(), event, invoker);
                    if (segment >= 0) {
                        chunk.get(segment).add(event.withTrackingToken(segments.token(segment)), position);
                    }
                    read++;
                    if (++inChunk == chunkSize) {
                        handOver(chunk);
                        chunk = newChunk();
                        inChunk = 0;
                    }
                }
                if (inChunk > 0) {
                    handOver(chunk);
                }
                for (BlockingQueue<Object> queue : pieces) {
                    queue.put(END);
                }
            }
            return read;
        }

        private List<Piece> newChunk() {
            List<Piece> chunk = new ArrayList<>(segments.count());
            for (int i = 0; i < segments.count(); i++) {
                chunk.add(new Piece(chunkSize));
            }
            return chunk;
        }

        private void handOver(List<Piece> chunk) throws InterruptedException {
            for (int i = 0; i < chunk.size(); i++) {
                chunk.get(i).tokenAfter = segments.token(i);
                pieces.get(i).put(chunk.get(i));
            }
        }

        /** Projects the pieces of segment {@code index} until the reader has no more. */
        private Long write(int index) throws InterruptedException {
            for (Object next = pieces.get(index).take(); next != END; next = pieces.get(index).take()) {
                commit(name, invoker, (Piece) next, segments.id(index), stillOurs);
            }
            return 0L;
        }
    }

    /**
     * A segment's share of a chunk: its events, the positions known of them, and the segment's token
     * after the chunk. An event whose position is not known (a gap filled late) has its rows look it
     * up in the store as they are written ({@link StorePosition#of}).
     */
    private static final class Piece {

        private final List<TrackedEventMessage<?>> events;
        private final Map<String, Long> positions;
        private TrackingToken tokenAfter;

        Piece(int chunkSize) {
            this.events = new ArrayList<>(chunkSize);
            this.positions = new HashMap<>(chunkSize);
        }

        void add(TrackedEventMessage<?> event, Long position) {
            events.add(event);
            if (position != null) {
                positions.put(event.getIdentifier(), position);
            }
        }
    }

    /**
     * An event's position, read off its token and the one before it in the stream: a token that moves
     * past the last one names the event's own position; one that does not (a gap filled below it)
     * leaves the position unknown here (null), to be looked up as the event's rows are written.
     */
    static Long positionOf(TrackingToken previous, TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        OptionalLong before = previous == null ? OptionalLong.empty() : previous.position();
        if (position.isPresent() && (before.isEmpty() || position.getAsLong() > before.getAsLong())) {
            return position.getAsLong();
        }
        return null;
    }

    /** A segment's share of a chunk: its events handled in one batching unit of work, their rows and the token in one transaction. */
    private void commit(String name, EventHandlerInvoker invoker, Piece piece, int segment,
                        BooleanSupplier stillOurs) {
        Runnable storeToken = () -> {
            if (!stillOurs.getAsBoolean()) {
                throw new RebuildTakenOver(name);
            }
            tokens.storeToken(piece.tokenAfter, name, segment);
        };
        if (piece.events.isEmpty()) {
            transactions.executeInTransaction(storeToken);
            return;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(piece.events);
        unitOfWork.attachTransaction(transactions);
        StorePosition.provide(unitOfWork, piece.positions);
        unitOfWork.onPrepareCommit(u -> storeToken.run());
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Rebuilding " + name + " failed", cause);
        }
    }

    /** Another node took the replay over, or it ended: this node's rebuild stops and commits nothing more. */
    public static final class RebuildTakenOver extends RuntimeException {
        RebuildTakenOver(String name) {
            super("The replay of " + name + " is no longer carried out by this node");
        }
    }

    /**
     * The processor's segments, claimed by this node for the rebuild, each with the token it would
     * hold after the events seen so far.
     */
    private static final class Segments {

        private final int[] ids;
        private final Segment[] segments;
        private final TrackingToken[] tokens;
        private final boolean replayingFromOnePosition;
        private final TrackingToken start;

        private Segments(int[] ids, TrackingToken[] tokens) {
            this.ids = ids;
            this.segments = new Segment[ids.length];
            for (int i = 0; i < ids.length; i++) {
                segments[i] = Segment.computeSegment(ids[i], ids);
            }
            this.tokens = tokens;
            boolean replaying = false;
            boolean one = ids.length > 0;
            for (TrackingToken token : tokens) {
                replaying |= token instanceof ReplayToken;
                one &= Objects.equals(current(token), current(tokens[0]));
            }
            this.replayingFromOnePosition = replaying && one;
            this.start = ids.length == 0 ? null : current(tokens[0]);
        }

        /** Where a token's reader goes on from; a reset's token may wrap another replay (Axon's initial token). */
        private static TrackingToken current(TrackingToken token) {
            return WrappedToken.unwrapLowerBound(token);
        }

        static Segments claim(TokenStore store, String name) {
            int[] ids = store.fetchSegments(name);
            TrackingToken[] tokens = new TrackingToken[ids.length];
            for (int i = 0; i < ids.length; i++) {
                tokens[i] = store.fetchToken(name, ids[i]);
            }
            return new Segments(ids, tokens);
        }

        /** Whether the segments are in a replay, all from one position: what a reset leaves. */
        boolean replayingFromOnePosition() {
            return replayingFromOnePosition;
        }

        /** Where the segments' replay starts (the position after which it reads). */
        TrackingToken start() {
            return start;
        }

        /**
         * Moves every segment past {@code token}, as each segment's processor thread moves past every
         * event whether it handles it or not; returns the index of the segment that handles {@code event},
         * or -1 if none does.
         */
        int advanceTo(TrackingToken token, TrackedEventMessage<?> event, EventHandlerInvoker invoker) {
            int handling = -1;
            for (int i = 0; i < ids.length; i++) {
                tokens[i] = tokens[i] instanceof WrappedToken wrapped ? wrapped.advancedTo(token) : token;
                if (handling < 0 && invoker.canHandle(event, segments[i])) {
                    handling = i;
                }
            }
            return handling;
        }

        int count() {
            return ids.length;
        }

        int id(int index) {
            return ids[index];
        }

        TrackingToken token(int index) {
            return tokens[index];
        }

        void release(TokenStore store, String name) {
            for (int id : ids) {
                store.releaseClaim(name, id);
            }
        }
    }
}
