package org.imagesearch.ledger.query.progress;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.imagesearch.ledger.api.instance.InstanceEvent;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.query.Histories;
import org.imagesearch.ledger.query.ReadModelDatabase;
import org.imagesearch.ledger.query.instance.InstanceViewProjection;
import org.imagesearch.ledger.query.instance.InstanceViewRepository;
import org.imagesearch.ledger.query.ledger.LedgerEntryProjection;
import org.imagesearch.ledger.query.ledger.LedgerEntryRepository;
import org.imagesearch.ledger.query.proration.ProrationProjection;
import org.imagesearch.ledger.query.proration.ProrationRepository;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imagesearch.ledger.query.Histories.LARGE;
import static org.imagesearch.ledger.query.Histories.SMALL;

/**
 * A rebuild hands every event, once, to the processor's own handlers, a chunk at a time and each
 * segment's share in a transaction of its own, and leaves each segment's token where the processor
 * would have left it; it commits nothing once the replay is no longer its node's, and stops at a
 * handler that fails, with what came before it committed.
 */
class ReadModelRebuildTest {

    private static final String NAME = "read-models";
    private static final int CHUNK = 7;

    private final JdbcTemplate jdbc = ReadModelDatabase.create();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final SpringTransactionManager transactions = new SpringTransactionManager(
            new DataSourceTransactionManager(jdbc.getDataSource()));
    private final PendingWrites writes = new PendingWrites(jdbc);
    private final ReadModelRebuild rebuild = new ReadModelRebuild(store, tokens, transactions, CHUNK);
    private int stored;

    /** Ten instances with four events each: purchase, upgrade, downgrade, renewal. */
    private void tenLives() {
        for (int i = 0; i < 10; i++) {
            append(Histories.purchase("i-" + i, "c-" + i, SMALL, false, "2026-06-01T00:00:00Z")
                    .change(LARGE, "2026-06-10T00:00:00Z")
                    .change(SMALL, "2026-06-15T00:00:00Z")
                    .renew(1, "2026-06-20T00:00:00Z")
                    .events());
        }
    }

    private void append(List<Object> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Object event = events.get(sequence);
            String aggregate = ((InstanceEvent) event).instanceId().toString();
            var message = new GenericDomainEventMessage<>("Instance", aggregate, sequence, event);
            store.appendEvents(message);
            // the in-memory store numbers its events from 0; the read tables' position is the same number
            jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier) VALUES (?, ?)", stored++,
                    message.getIdentifier());
        }
    }

    /**
     * The processor with the ledger's projections in {@code segments} segments, having handled every
     * event once (its tokens at the head), then reset.
     */
    private TrackingEventProcessor resetProcessor(int segments, Object... extraProjections) {
        List<Object> projections = new ArrayList<>(List.of(
                new LedgerEntryProjection(new LedgerEntryRepository(jdbc, writes)),
                new ProrationProjection(new ProrationRepository(jdbc, writes)),
                new InstanceViewProjection(new InstanceViewRepository(jdbc, writes))));
        projections.addAll(List.of(extraProjections));
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(projections)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(store).build())
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments).andInitialSegmentsCount(segments))
                .build();
        tokens.initializeTokenSegments(NAME, segments, store.createHeadToken());
        processor.resetTokens();
        return processor;
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private TrackingToken token(int segment) {
        return tokens.fetchToken(NAME, segment);
    }

    @Test
    void everyEventReachesItsHandlersOnceAndEachSegmentEndsWhereItsProcessorWould() throws Exception {
        tenLives();
        TrackingEventProcessor processor = resetProcessor(2);

        long read = rebuild.rebuild(processor, () -> true);

        assertThat(read).isEqualTo(40);
        assertThat(rows("ledger_entry")).isEqualTo(40);
        assertThat(rows("proration")).isEqualTo(20);
        assertThat(rows("instance_view")).isEqualTo(10);
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM instance_view", String.class)).containsOnly("ACTIVE");
        assertThat(jdbc.queryForList("SELECT l.position FROM ledger_entry l JOIN domain_event_entry e"
                + " ON e.event_identifier = l.event_id AND e.global_index = l.position", Long.class))
                .as("each entry at its own event's position").hasSize(40);
        for (int segment = 0; segment < 2; segment++) {
            TrackingToken token = token(segment);
            assertThat(token).as("still marked a replay up to the position of the reset").isInstanceOf(ReplayToken.class);
            assertThat(WrappedToken.unwrapLowerBound(token).position()).hasValue(39);
        }
    }

    @Test
    void aChunkCommitsNothingOnceTheReplayIsNoLongerThisNodes() {
        tenLives();
        TrackingEventProcessor processor = resetProcessor(2);
        List<TrackingToken> atTheReset = List.of(token(0), token(1));

        assertThatThrownBy(() -> rebuild.rebuild(processor, () -> false))
                .isInstanceOf(ReadModelRebuild.RebuildTakenOver.class);

        assertThat(rows("ledger_entry") + rows("proration") + rows("instance_view")).isZero();
        assertThat(List.of(token(0), token(1))).isEqualTo(atTheReset);
    }

    @Test
    void aFailingHandlerStopsTheRebuildWithTheChunksBeforeItCommitted() {
        tenLives();
        TrackingEventProcessor processor = resetProcessor(1, new FailsAtTheFifthRenewal());

        assertThatThrownBy(() -> rebuild.rebuild(processor, () -> true)).hasMessageContaining("fifth renewal");

        // renewals are every fourth event: the fifth is at position 19, in the third chunk (14 to 20)
        assertThat(rows("ledger_entry")).isEqualTo(2 * CHUNK);
        assertThat(WrappedToken.unwrapLowerBound(token(0)).position()).hasValue(2 * CHUNK - 1);
    }

    @Test
    void aProcessorThatIsNotReplayingFromOnePositionIsLeftToReplayByItself() throws Exception {
        tenLives();
        TrackingEventProcessor processor = resetProcessor(2);
        tokens.storeToken(store.createHeadToken(), NAME, 1);

        assertThat(rebuild.rebuild(processor, () -> true)).isZero();
        assertThat(rows("ledger_entry")).isZero();
    }

    @Test
    void aTokenThatMovesOnNamesItsEventsPositionAndOneThatDoesNotIsAskedOfTheStore() {
        GapAwareTrackingToken five = GapAwareTrackingToken.newInstance(5, java.util.Set.of(3L));
        assertThat(ReadModelRebuild.positionOf(null, five)).isEqualTo(5);
        assertThat(ReadModelRebuild.positionOf(GapAwareTrackingToken.newInstance(4, java.util.Set.of()), five))
                .isEqualTo(5);
        assertThat(ReadModelRebuild.positionOf(five, GapAwareTrackingToken.newInstance(5, java.util.Set.of())))
                .as("position 3 filled late: the token still names 5, so the rows look it up").isNull();
    }

    /** A projection that fails at the fifth renewal it sees. */
    private static final class FailsAtTheFifthRenewal {

        private final AtomicInteger renewals = new AtomicInteger();

        @EventHandler
        void on(PackageRenewed event) {
            if (renewals.incrementAndGet() == 5) {
                throw new IllegalStateException("The fifth renewal fails");
            }
        }
    }

}
