package org.imagesearch.ledger.command.time;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.imagesearch.ledger.command.store.RecordedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;

/** Waits until one streaming processor of this node has handled the event store up to its head. */
public class ProcessorCatchUp implements CatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProcessorCatchUp.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final String processorName;
    private final RecordedEvents recordedEvents;

    public ProcessorCatchUp(EventProcessingConfiguration processing, String processorName,
                            RecordedEvents recordedEvents) {
        this.processing = processing;
        this.processorName = processorName;
        this.recordedEvents = recordedEvents;
    }

    @Override
    public void await() {
        long head = recordedEvents.head();
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!reached(head)) {
            if (System.nanoTime() > deadline) {
                log.warn("{} has not reached position {} after {}; going on without it", processorName, head,
                        MAX_WAIT);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean reached(long head) {
        if (head == 0) {
            return true;
        }
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + processorName));
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head && !status.isErrorState());
    }
}
