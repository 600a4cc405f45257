package org.imagesearch.ledger.query.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.imagesearch.ledger.query.progress.ProjectionProgress;
import org.imagesearch.ledger.query.progress.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a query node does to share its projections with the others, on a fixed delay:
 * <ul>
 *   <li>it sends a heartbeat, so the others know it is alive;</li>
 *   <li>it follows replay requests: it stops its projections when a replay is asked for, and starts
 *   them again once the replay has been reset;</li>
 *   <li>it keeps its fair share of each projection's segments, {@code ceil(segments / live nodes)},
 *   releasing any extra for another node to claim. A dead node's segments are taken over by Axon
 *   itself once its claims time out.</li>
 * </ul>
 * Its rounds run as {@link Rounds}, every {@code ledger.cluster.round-interval}.
 */
public class ProjectionNodeAgent {

    private static final Logger log = LoggerFactory.getLogger(ProjectionNodeAgent.class);

    private final QueryNodes nodes;
    private final ReplayRequests replays;
    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final Clock wallClock;
    private long stoppedForGeneration = -1;
    private boolean stopped;

    public ProjectionNodeAgent(QueryNodes nodes, ReplayRequests replays, EventProcessingConfiguration processing,
                               ProjectionProgress progress, Clock wallClock) {
        this.nodes = nodes;
        this.replays = replays;
        this.processing = processing;
        this.progress = progress;
        this.wallClock = wallClock;
    }

    /** One round: heartbeat, follow the replay request, keep a fair share. */
    public synchronized void tick() {
        nodes.heartbeat();
        ReplayRequests.Request request = replays.current();
        if (request.phase() == ReplayRequests.Phase.STOPPING && request.generation() > stoppedForGeneration) {
            processors().forEach(this::stopSettled);
            stopped = true;
            stoppedForGeneration = request.generation();
            nodes.stoppedFor(request.generation());
            log.info("Stopped the projections for replay {}", request.generation());
        } else if (request.phase() == ReplayRequests.Phase.RUNNING && stopped) {
            processors().forEach(StreamingEventProcessor::start);
            stopped = false;
            log.info("Started the projections again after replay {}", request.generation());
        } else if (!stopped) {
            balance();
        }
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    private void balance() {
        int alive = nodes.alive().size();
        for (StreamingEventProcessor processor : processors()) {
            if (!processor.isRunning()) {
                continue;
            }
            int total = progress.segments(processor.getName()).size();
            int fairShare = (int) Math.ceil(total / (double) Math.max(1, alive));
            List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
            if (mine.size() > fairShare) {
                int released = mine.get(mine.size() - 1);
                log.debug("Releasing segment {} of {}: {} held, fair share {}", released, processor.getName(),
                        mine.size(), fairShare);
                processor.releaseSegment(released);
            }
        }
    }

    /**
     * Stops a processor once it has settled (see {@link #settled}). Stopping one that is still
     * claiming its segments can leave it unable to process them again: Axon 4.13's tracking processor,
     * stopped between claiming a segment and starting its worker, frees the segment without giving
     * back the thread, and once started again runs one segment fewer for good (seen in
     * {@code AbandonedReplayTest}: a replay that never ended).
     */
    private void stopSettled(StreamingEventProcessor processor) {
        long deadline = wallClock.millis() + Duration.ofSeconds(10).toMillis();
        while (processor.isRunning()
                && !settled(processor.processingStatus().keySet(), processor.maxCapacity(),
                        progress.segments(processor.getName()), nodes.self())
                && wallClock.millis() < deadline) {
            sleep(20);
        }
        processor.shutDown();
    }

    /**
     * Whether a processor has nothing left to claim or launch: no segment is free while it still has
     * a thread to take one with ({@code capacity}), and it runs a worker for each segment this node
     * has claimed. {@code working} are the segments it runs workers for.
     */
    static boolean settled(Set<Integer> working, int capacity, List<ProjectionProgress.SegmentProgress> segments,
                           String self) {
        boolean claiming = working.size() < capacity && segments.stream().anyMatch(segment -> segment.owner() == null);
        boolean launching = segments.stream().anyMatch(segment -> self.equals(segment.owner())
                && !working.contains(segment.segment()));
        return !claiming && !launching;
    }

    /** The projections of this node. */
    public List<StreamingEventProcessor> processors() {
        return Projections.ALL.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    /** Leaves the cluster: the others stop counting on this node's share. */
    public void leave() {
        try {
            nodes.leave();
        } catch (RuntimeException e) {
            log.debug("Could not deregister this query node: {}", e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
