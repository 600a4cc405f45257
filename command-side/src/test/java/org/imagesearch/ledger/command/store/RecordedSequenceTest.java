package org.imagesearch.ledger.command.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command's sender learns about the events its command recorded, and what other threads do not keep. */
class RecordedSequenceTest {

    private final RecordedSequence recorded = new RecordedSequence();

    private void store(String aggregate, long sequence) {
        List<EventMessage<?>> events = List.of(new GenericDomainEventMessage<>("Instance", aggregate, sequence, "event"));
        recorded.handle(events).apply(0, events.get(0));
    }

    @Test
    void aSenderLearnsTheLastSequenceItsCommandRecordedPerAggregate() {
        recorded.begin();
        store("i-1", 3);
        store("i-1", 4);
        store("i-2", 0);

        assertThat(recorded.lastOf("i-1")).contains(4L);
        assertThat(recorded.lastOf("i-2")).contains(0L);

        recorded.begin();
        assertThat(recorded.lastOf("i-1")).as("forgotten at the next command").isEmpty();
    }

    @Test
    void aThreadThatNeverBeginsKeepsNoNotes() {
        // deadline workers and processors append events all day and never ask: nothing may pile up for them
        CompletableFuture.runAsync(() -> {
            store("i-1", 1);
            assertThat(recorded.lastOf("i-1")).isEmpty();
        }).join();
    }
}
