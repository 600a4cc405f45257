package org.imagesearch.ledger.query.progress;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Axon's own tracking processor reading through {@link GatheringEventSource}: how many batches it makes. */
class GatheringEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    /** The size of each batch the processor handled, in order. */
    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private final List<Object> handled = new CopyOnWriteArrayList<>();
    /** When each batch began to be handled, in nanoseconds. */
    private final List<Long> batchStarts = new CopyOnWriteArrayList<>();
    private TrackingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        store.shutDown();
    }

    @Test
    void eventsThatTrickleInAreGatheredIntoFewBatches() throws InterruptedException {
        start(new GatheringEventSource(store, Duration.ofSeconds(2), 100));

        publishSpaced(40, 5);

        waitUntil(() -> handled.size() == 40, Duration.ofSeconds(10));
        assertThat(handled).containsExactlyElementsOf(payloads(0, 40));
        assertThat(batches).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void withoutAWindowEachTrickledEventIsABatchOfItsOwn() throws InterruptedException {
        start(new GatheringEventSource(store, Duration.ZERO, 100));

        publishSpaced(40, 5);

        waitUntil(() -> handled.size() == 40, Duration.ofSeconds(10));
        assertThat(batches).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void aStreamThatIsBehindTakesFullBatchesWithoutWaiting() {
        for (int i = 0; i < 250; i++) {
            store.publish(GenericEventMessage.asEventMessage("event-" + i));
        }
        start(new GatheringEventSource(store, Duration.ofSeconds(5), 100));

        waitUntil(() -> handled.size() == 250, Duration.ofSeconds(20));
        assertThat(batches.subList(0, 3)).containsExactly(100, 100, 50);
        assertThat(handled).containsExactlyElementsOf(payloads(0, 250));
        // only the last batch, which reached the head, waited out its window
        assertThat(Duration.ofNanos(batchStarts.get(1) - batchStarts.get(0))).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aBatchThatHasTakenItsMaximumStopsWaiting() throws InterruptedException {
        start(new GatheringEventSource(store, Duration.ofSeconds(5), 5));

        publishSpaced(12, 5);

        waitUntil(() -> handled.size() == 12, Duration.ofSeconds(20));
        assertThat(batches).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(5));
    }

    @Test
    void aNegativeWindowIsRefused() {
        assertThatThrownBy(() -> new GatheringEventSource(store, Duration.ofMillis(-1), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void start(StreamableMessageSource<TrackedEventMessage<?>> source) {
        processor = TrackingEventProcessor.builder()
                .name("gathering-test")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((EventMessageHandler) event -> {
                            handled.add(event.getPayload());
                            return null;
                        })
                        .build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100))
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            BatchingUnitOfWork<?> batch = (BatchingUnitOfWork<?>) unitOfWork;
            if (batch.isFirstMessage()) {
                batchStarts.add(System.nanoTime());
                batches.add(batch.getMessages().size());
            }
            return chain.proceed();
        });
        processor.start();
    }

    private static void waitUntil(BooleanSupplier condition, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", atMost).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void publishSpaced(int count, long millisApart) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            EventMessage<String> event = GenericEventMessage.asEventMessage("event-" + i);
            store.publish(event);
            Thread.sleep(millisApart);
        }
    }

    private static List<Object> payloads(int from, int to) {
        List<Object> payloads = new ArrayList<>();
        for (int i = from; i < to; i++) {
            payloads.add("event-" + i);
        }
        return payloads;
    }
}
