package org.imagesearch.ledger.query.progress;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.query.cluster.ProjectionNodeAgent;
import org.imagesearch.ledger.query.cluster.QueryNodes;
import org.imagesearch.ledger.query.cluster.ReplayRequests;
import org.imagesearch.ledger.query.history.EventHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds every read model from the first event, with every query node of the database taking
 * part: all nodes stop their projections, this node resets the tokens (each projection's
 * {@code @ResetHandler} empties its tables in the same transaction, or on H2 just after it), then,
 * in the background, rebuilds them up to the head of the store ({@link ReadModelRebuild}, ADR 0029),
 * and all nodes start again, their processors carrying on from where the rebuild stopped.
 *
 * <p>A rebuild that fails part way leaves its committed chunks and their tokens: the processors carry
 * the replay on from there, retrying the failing event as they retry any. A rebuild stopped by this
 * node's shutdown leaves the replay stopping, to be carried out again.
 *
 * <p>A replay whose node died before it finished (or restarted, under the same node id) would leave
 * every node stopped: every 2 s each node looks for one ({@link #resumeAbandoned}, run as
 * {@code Rounds}), and the first to take it over carries it out from the start.
 */
public class ProjectionReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final ReplayRequests replays;
    private final QueryNodes nodes;
    private final ProjectionNodeAgent agent;
    private final ProjectionProgress progress;
    private final EventHistory history;
    private final ReadConsistency consistency;
    private final Clock wallClock;
    private final Duration stopTimeout;
    private final TransactionTemplate resetTransaction;
    private final ReadModelRebuild rebuild;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean replaying = new AtomicBoolean();

    /**
     * {@code resetTimeout} bounds the one transaction in which a projection's tokens are reset (and on
     * PostgreSQL its tables truncated; H2 truncates them just after it commits, see {@code ReadTables}).
     */
    public ProjectionReplay(ReplayRequests replays, QueryNodes nodes, ProjectionNodeAgent agent,
                            ProjectionProgress progress, EventHistory history, ReadConsistency consistency,
                            Clock wallClock, Duration stopTimeout, PlatformTransactionManager transactions,
                            Duration resetTimeout, ReadModelRebuild rebuild) {
        this.replays = replays;
        this.nodes = nodes;
        this.agent = agent;
        this.progress = progress;
        this.history = history;
        this.consistency = consistency;
        this.wallClock = wallClock;
        this.stopTimeout = stopTimeout;
        this.resetTransaction = new TransactionTemplate(transactions);
        this.resetTransaction.setTimeout((int) resetTimeout.toSeconds());
        this.rebuild = rebuild;
    }

    /**
     * Where one projection stands: {@code position} is where its slowest segment is, {@code behind}
     * how many events of the kinds it handles follow it (counted within {@link #COUNTED_WITHIN}
     * positions of the head; further back, the number of positions left, which is never less), and
     * {@code live} means not replaying and nothing behind.
     */
    public record Status(String processor, int segments, long position, long head, long behind, boolean replaying,
                         boolean live) {
    }

    public List<Status> replayAll() {
        return replayAll(null, null);
    }

    /** Whether a replay was already started with this caller's key, within the last 24 hours. */
    public boolean alreadyStartedWith(String caller, String key) {
        return replays.keyUsed(caller, key, wallClock.instant().minus(Duration.ofHours(24)));
    }

    /** Replays, remembering {@code key} (if not null) as the one that started this generation. */
    public List<Status> replayAll(String caller, String key) {
        if (!replaying.compareAndSet(false, true)) {
            throw alreadyUnderWay();
        }
        boolean rebuilding = false;
        try {
            long generation = replays.begin(nodes.self()).orElseThrow(ProjectionReplay::alreadyUnderWay);
            if (key != null) {
                replays.rememberKey(caller, key, generation, wallClock.instant());
            }
            log.info("Replay {} asked for by {}", generation, nodes.self());
            rebuilding = carryOut(generation);
        } finally {
            if (!rebuilding) {
                replaying.set(false);
            }
        }
        return status();
    }

    private static LedgerRejection alreadyUnderWay() {
        return new LedgerRejection(RejectionCode.REPLAY_IN_PROGRESS, "A replay is already under way");
    }

    /**
     * Takes over a replay still stopping whose node is gone, or is this node started again, and
     * carries it out; false if there is none (or another node took it first).
     */
    public boolean resumeAbandoned() {
        ReplayRequests.Request request = replays.current();
        if (request.phase() != ReplayRequests.Phase.STOPPING || !replaying.compareAndSet(false, true)) {
            return false;
        }
        boolean rebuilding = false;
        try {
            String owner = request.requestedBy();
            boolean abandoned = nodes.self().equals(owner) || !nodes.alive().contains(owner);
            if (!abandoned || !replays.takeOver(request.generation(), owner, nodes.self())) {
                return false;
            }
            log.warn("Replay {} was left unfinished by {}; {} carries it out", request.generation(), owner,
                    nodes.self());
            rebuilding = carryOut(request.generation());
            return true;
        } finally {
            if (!rebuilding) {
                replaying.set(false);
            }
        }
    }

    /**
     * Stops every node and resets, then hands the rebuild to the background, which lets every node
     * run again once it is done; returns true once handed (the background then ends this node's
     * replay). The request is set back to running only once every projection is reset and rebuilt,
     * and only by the node that still carries the replay out: a replay that fails or is interrupted
     * before its rebuild stays stopping, and is carried out again (by this node within seconds, or by
     * another if this one is gone) rather than left half done.
     */
    private boolean carryOut(long generation) {
        agent.tick();
        long deadline = wallClock.millis() + stopTimeout.toMillis();
        while (!nodes.notYetStoppedFor(generation).isEmpty() && wallClock.millis() < deadline) {
            sleep();
        }
        for (StreamingEventProcessor processor : agent.processors()) {
            reset(processor, generation, deadline);
        }
        consistency.forgetReplayState();
        background.execute(() -> {
            try {
                rebuildAndRun(generation);
            } finally {
                replaying.set(false);
            }
        });
        return true;
    }

    /** The rebuild of every reset projection, then every node running again (unless the rebuild was stopped). */
    private void rebuildAndRun(long generation) {
        try {
            for (StreamingEventProcessor processor : agent.processors()) {
                rebuild.rebuild(processor, () -> replays.carriedOutBy(generation, nodes.self()));
            }
        } catch (ReadModelRebuild.RebuildTakenOver e) {
            log.warn("Replay {} was taken over by another node during {}'s rebuild", generation, nodes.self());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("The rebuild of replay {} was stopped; the replay is carried out again", generation);
            return;
        } catch (RuntimeException e) {
            log.warn("The rebuild of replay {} stopped; the processors carry the replay on from its last chunk",
                    generation, e);
        }
        if (!replays.finish(generation, nodes.self())) {
            log.warn("Replay {} was taken over by another node before {} finished it", generation, nodes.self());
        }
        agent.tick();
        consistency.forgetReplayState();
    }

    /** Stops a rebuild under way (it is carried out again at the next start); the replay stays stopping. */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The read models' rebuild was still running 10 s after the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Resets a stopped processor, waiting (bounded) for another node's claims to be given up or to
     * expire. The reset's transaction first locks the request and checks that this node still
     * carries the replay out, so a node that lost it to a takeover resets nothing.
     */
    private void reset(StreamingEventProcessor processor, long generation, long deadline) {
        while (true) {
            try {
                resetTransaction.executeWithoutResult(status -> {
                    if (!replays.holdIfCarriedOutBy(generation, nodes.self())) {
                        throw new LedgerRejection(RejectionCode.REPLAY_IN_PROGRESS, "Replay " + generation
                                + " is carried out by another node now");
                    }
                    processor.resetTokens();
                });
                return;
            } catch (UnableToClaimTokenException stillClaimed) {
                if (wallClock.millis() >= deadline) {
                    throw new LedgerRejection(RejectionCode.REPLAY_IN_PROGRESS, "Another node still holds "
                            + processor.getName() + "; the replay is retried in a few seconds");
                }
                sleep();
            }
        }
    }

    /**
     * How far behind the head a projection's events are still counted by kind. A count from further
     * back reads every event after the position: at the start of a replay, the whole store (on H2,
     * seconds of a core that the rebuild needs, docs/benchmarks.md).
     */
    static final long COUNTED_WITHIN = 10_000;

    public List<Status> status() {
        long head = history.head();
        return Projections.ALL.stream().map(name -> {
            List<ProjectionProgress.SegmentProgress> segments = progress.segments(name);
            long position = segments.stream().mapToLong(ProjectionProgress.SegmentProgress::position).min()
                    .orElse(0);
            boolean replaying = progress.replaying(name);
            long behind = head - position > COUNTED_WITHIN ? head - position
                    : progress.relevantEventsAfter(name, position);
            return new Status(name, segments.size(), position, head, behind, replaying,
                    !segments.isEmpty() && !replaying && behind == 0);
        }).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during a replay", e);
        }
    }
}
