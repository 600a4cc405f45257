package org.imagesearch.ledger.app;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store reads ahead of the streams that follow its head into one shared cache. A stream
 * that stops reading keeps every event read after it in memory until the store drops it from the
 * cache: within {@code ledger.event-store.follower-cleanup} (1 s), not Axon's 10 s, so that a burst
 * of events cannot fill the heap meanwhile (docs/benchmarks.md, "Memory").
 */
class FollowerCleanupTest {

    private static final int CACHED_EVENTS = 20;
    private static final int PURCHASES = 40;

    private static ConfigurableApplicationContext start(Duration followerCleanup) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.data-dir=" + TestDirectories.create("follower-cleanup"), "--server.port=0",
                "--" + TestKeys.PROPERTY, "--ledger.event-store.cached-events=" + CACHED_EVENTS,
                "--ledger.event-store.follower-cleanup=" + followerCleanup);
    }

    @Test
    void aStreamThatStopsReadingLetsGoOfTheEventsReadAfterItWithinTheCleanupInterval() throws Exception {
        try (ConfigurableApplicationContext ledger = start(Duration.ofSeconds(1))) {
            Burst burst = burstPastAnIdleStream(ledger);

            await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
                    .until(() -> collected(burst.oldest()));

            // dropped from the cache, the idle stream reads on by itself, from where it stood
            assertThat(burst.idle().hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(burst.idle().nextAvailable().getIdentifier()).isEqualTo(burst.firstIdentifier());
            burst.idle().close();
        }
    }

    /** What the test above guards against: with a long interval the burst stays in memory. */
    @Test
    void withALongCleanupIntervalTheIdleStreamHoldsTheBurstInMemory() throws Exception {
        try (ConfigurableApplicationContext ledger = start(Duration.ofMinutes(1))) {
            Burst burst = burstPastAnIdleStream(ledger);

            for (int i = 0; i < 20; i++) {
                assertThat(collected(burst.oldest())).isFalse();
                Thread.sleep(100);
            }
            burst.idle().close();
        }
    }

    /** A stream that read one event from the shared cache and then stopped, and the events after it. */
    private record Burst(BlockingStream<TrackedEventMessage<?>> idle, WeakReference<TrackedEventMessage<?>> oldest,
                         String firstIdentifier) {
    }

    private static Burst burstPastAnIdleStream(ConfigurableApplicationContext ledger) throws Exception {
        EventStore store = ledger.getBean(EventStore.class);
        LedgerClient client = new LedgerClient(
                Integer.parseInt(ledger.getEnvironment().getProperty("local.server.port")));

        assertThat(client.purchase("before-the-idle-stream", 2_500_000, 5, false).status()).isEqualTo(201);
        BlockingStream<TrackedEventMessage<?>> idle = store.openStream(null);
        while (idle.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
            idle.nextAvailable(); // up to the head: from here on it follows the shared cache
        }
        assertThat(client.purchase("read-by-the-idle-stream", 2_500_000, 5, false).status()).isEqualTo(201);
        TrackedEventMessage<?> last = idle.nextAvailable(); // read from the cache; then it stops reading

        List<WeakReference<TrackedEventMessage<?>>> burst = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> reader = store.openStream(last.trackingToken())) {
            for (int i = 0; i < PURCHASES; i++) {
                assertThat(client.purchase("burst-" + i, 2_500_000, 5, false).status()).isEqualTo(201);
                // the reader keeps up with the burst, so it reads the cache's own copies of the events
                while (reader.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = reader.nextAvailable();
                    burst.add(new WeakReference<>(event));
                    identifiers.add(event.getIdentifier());
                }
            }
        }
        assertThat(burst).hasSizeGreaterThanOrEqualTo(PURCHASES);
        return new Burst(idle, burst.get(0), identifiers.get(0));
    }

    private static boolean collected(WeakReference<?> reference) {
        System.gc();
        return reference.get() == null;
    }
}
