package org.imagesearch.ledger.query.progress;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.imagesearch.ledger.query.history.EventHistory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Rebuilds every read model from the first event: each projection is stopped, its tokens reset
 * (its {@code @ResetHandler} empties its tables) and started again. Progress is read from the
 * shared token table.
 */
public class ProjectionReplay {

    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final EventHistory history;
    private final ReadConsistency consistency;
    private final Clock wallClock;

    public ProjectionReplay(EventProcessingConfiguration processing, ProjectionProgress progress,
                            EventHistory history, ReadConsistency consistency, Clock wallClock) {
        this.processing = processing;
        this.progress = progress;
        this.history = history;
        this.consistency = consistency;
        this.wallClock = wallClock;
    }

    /**
     * Where one projection stands: {@code position} is where its slowest segment is, {@code behind}
     * how many events of the kinds it handles follow it, and {@code live} means not replaying and
     * nothing behind.
     */
    public record Status(String processor, int segments, long position, long head, long behind, boolean replaying,
                         boolean live) {
    }

    public synchronized List<Status> replayAll() {
        for (String name : Projections.ALL) {
            StreamingEventProcessor processor = processor(name);
            awaitClaimed(processor);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        consistency.forgetReplayState();
        return status();
    }

    public List<Status> status() {
        long head = history.head();
        return Projections.ALL.stream().map(name -> {
            List<ProjectionProgress.SegmentProgress> segments = progress.segments(name);
            long position = segments.stream().mapToLong(ProjectionProgress.SegmentProgress::position).min()
                    .orElse(0);
            boolean replaying = progress.replaying(name);
            long behind = progress.relevantEventsAfter(name, position);
            return new Status(name, segments.size(), position, head, behind, replaying,
                    !segments.isEmpty() && !replaying && behind == 0);
        }).toList();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name + " on this node"));
    }

    /**
     * Waits (bounded) until the processor runs and holds its segments: stopping one that is still
     * claiming them at start-up can leave it unable to claim them again.
     */
    private void awaitClaimed(StreamingEventProcessor processor) {
        long deadline = wallClock.millis() + Duration.ofSeconds(30).toMillis();
        while (wallClock.millis() < deadline) {
            if (processor.isRunning() && processor.processingStatus().size() >= segmentsOf(processor)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int segmentsOf(StreamingEventProcessor processor) {
        return Math.max(1, progress.segments(processor.getName()).size());
    }
}
