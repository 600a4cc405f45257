package org.imagesearch.ledger.app;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.imagesearch.ledger.app.config.LedgerEventStorageEngine;
import org.imagesearch.ledger.app.config.StorageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's read-ahead (the only reader that may block) gets one batch per read, and reads
 * on from where the last one ended; a processor's own stream still reads to the end in one go. An
 * aggregate's events are read in one query when they fit a batch, and all of them however many.
 */
class LedgerEventStorageEngineTest {

    private static final int BATCH = 10;
    private static final int EVENTS = 35;

    private DriverManagerDataSource dataSource;
    private LedgerEventStorageEngine engine;

    @BeforeEach
    void thirtyFiveEventsStored() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/h2/V2026.11.26.1__event_and_token_store.sql")).execute(dataSource);
        engine = engine(NoOpEventUpcaster.INSTANCE);
        engine.appendEvents(IntStream.rangeClosed(1, EVENTS)
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Instance", "instance-" + i, 0,
                        "event " + i))
                .toList());
    }

    private LedgerEventStorageEngine engine(EventUpcaster upcasters) {
        return new LedgerEventStorageEngine(builder(upcasters));
    }

    private JdbcEventStorageEngine.Builder builder(EventUpcaster upcasters) {
        Serializer serializer = new StorageConfiguration().serializer();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(upcasters)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new StorageConfiguration().eventSchema())
                .dataType(byte[].class)
                .batchSize(BATCH);
    }

    @Test
    void theEventStoresReadAheadTakesOneBatchPerReadAndReadsOnFromWhereItEnded() {
        List<List<Object>> reads = readAhead(engine, 5);

        assertThat(reads).extracting(List::size).containsExactly(BATCH, BATCH, BATCH, EVENTS - 3 * BATCH, 0);
        assertThat(reads.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "event " + i).toList());
    }

    /** The batch counts stored events: what an upcaster makes of one stored event stays in one read. */
    @Test
    void anEventAnUpcasterMadeTwoOfIsNeverSplitBetweenReads() {
        EventUpcaster twoOfEach = events -> events.flatMap(event -> Stream.of(event, event));

        List<List<Object>> reads = readAhead(engine(twoOfEach), 5);

        assertThat(reads).extracting(List::size).containsExactly(2 * BATCH, 2 * BATCH, 2 * BATCH,
                2 * (EVENTS - 3 * BATCH), 0);
        assertThat(reads.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(
                IntStream.rangeClosed(1, EVENTS).boxed().flatMap(i -> Stream.of("event " + i, "event " + i)).toList());
    }

    /** The payloads of {@code times} reads that may block, each from where the one before ended. */
    private static List<List<Object>> readAhead(LedgerEventStorageEngine engine, int times) {
        List<List<Object>> reads = new ArrayList<>();
        TrackingToken from = null;
        for (int read = 0; read < times; read++) {
            List<? extends TrackedEventMessage<?>> batch = engine.readEvents(from, true).toList();
            reads.add(batch.stream().<Object>map(TrackedEventMessage::getPayload).toList());
            if (!batch.isEmpty()) {
                from = batch.get(batch.size() - 1).trackingToken();
            }
        }
        return reads;
    }

    @Test
    void aProcessorsOwnStreamStillReadsEveryEventInOneGo() {
        assertThat(engine.readEvents(null, false).count()).isEqualTo(EVENTS);
    }

    /** The read-ahead waits out its pace since its last read (ADR 0021); a first read, nothing. */
    @Test
    void theReadAheadStartsAReadAtMostOncePerPace() {
        LedgerEventStorageEngine paced = new LedgerEventStorageEngine(builder(NoOpEventUpcaster.INSTANCE),
                Duration.ofMillis(300), LedgerEventStorageEngine.GAP_TIMEOUT_MS);
        long first = System.nanoTime();
        List<? extends TrackedEventMessage<?>> batch = paced.readEvents(null, true).toList();
        List<? extends TrackedEventMessage<?>> next = paced.readEvents(batch.get(batch.size() - 1).trackingToken(),
                true).toList();
        long done = System.nanoTime();

        assertThat(Duration.ofNanos(done - first)).as("two reads of 35 rows, the second a pace after the first")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(batch.size() + next.size()).isEqualTo(2 * BATCH);
    }

    /**
     * The read-ahead's first read waits for nothing, and a processor's own stream (a replay, a
     * follower dropped from the read-ahead) never waits for the pace.
     */
    @Test
    void theFirstReadAndAProcessorsOwnStreamDoNotWaitForThePace() {
        LedgerEventStorageEngine paced = new LedgerEventStorageEngine(builder(NoOpEventUpcaster.INSTANCE),
                Duration.ofSeconds(30), LedgerEventStorageEngine.GAP_TIMEOUT_MS);
        long start = System.nanoTime();
        assertThat(paced.readEvents(null, true).toList()).as("the read-ahead's first read").hasSize(BATCH);
        for (int read = 0; read < 3; read++) {
            assertThat(paced.readEvents(null, false).count()).isEqualTo(EVENTS);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anAggregatesEventsThatFitOneBatchAreReadInOneQuery() {
        AggregateReads reads = new AggregateReads(builder(NoOpEventUpcaster.INSTANCE));
        reads.appendEvents(lifeOf("short", BATCH - 3));

        assertThat(reads.readEvents("short").asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactlyElementsOf(payloadsOf("short", BATCH - 3));
        assertThat(reads.queries).isEqualTo(1);
    }

    /** A full batch may not be the last: the next range is asked for, until one comes back short. */
    @Test
    void anAggregateWithMoreEventsThanABatchIsReadToItsEnd() {
        AggregateReads reads = new AggregateReads(builder(NoOpEventUpcaster.INSTANCE));
        reads.appendEvents(lifeOf("long", 2 * BATCH + 3));
        reads.appendEvents(lifeOf("exact", BATCH));

        assertThat(reads.readEvents("long").asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactlyElementsOf(payloadsOf("long", 2 * BATCH + 3));
        assertThat(reads.queries).isEqualTo(3);
        reads.queries = 0;
        assertThat(reads.readEvents("exact").asStream().<Object>map(DomainEventMessage::getPayload))
                .containsExactlyElementsOf(payloadsOf("exact", BATCH));
        assertThat(reads.queries).isEqualTo(2);
    }

    /**
     * Read with its timestamp parsed once, every event is what Axon's own engine reads from the same
     * rows: identifiers, sequence, timestamp, payload, metadata, and the same tokens, gaps included,
     * for events older than the gap timeout and newer.
     */
    @Test
    void aTrackedEventReadsAsAxonsOwnEngineReadsIt() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        engine.appendEvents(List.of(
                new GenericDomainEventMessage<>("Instance", "old", 0, "old 0", MetaData.with("traceId", "t-1"),
                        UUID.randomUUID().toString(), anHourAgo),
                new GenericDomainEventMessage<>("Instance", "old", 1, "old 1", MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), anHourAgo.plusNanos(123_456_789))));
        engine.appendEvents(lifeOf("new", 3));
        new JdbcTemplate(dataSource).update("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'new'"
                + " AND sequence_number = 1"); // a gap, as a transaction that never commits leaves one
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder()
                .snapshotSerializer(new StorageConfiguration().serializer())
                .eventSerializer(new StorageConfiguration().serializer())
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new StorageConfiguration().eventSchema())
                .dataType(byte[].class)
                .batchSize(BATCH)
                .build();

        List<List<Object>> ours = engine.readEvents(null, false).map(LedgerEventStorageEngineTest::fields).toList();
        List<List<Object>> theirs = axons.readEvents(null, false).map(LedgerEventStorageEngineTest::fields).toList();

        assertThat(ours).hasSize(EVENTS + 4).isEqualTo(theirs);
        assertThat(ours.get(EVENTS + 1).get(1)).as("stored to the millisecond")
                .isEqualTo(anHourAgo.plusNanos(123_456_789).truncatedTo(ChronoUnit.MILLIS));
        assertThat(engine.readEvents("old").asStream().map(LedgerEventStorageEngineTest::fields).toList())
                .isEqualTo(axons.readEvents("old").asStream().map(LedgerEventStorageEngineTest::fields).toList());
    }

    private static List<Object> fields(DomainEventMessage<?> event) {
        List<Object> fields = new ArrayList<>(List.of(event.getIdentifier(), event.getTimestamp(),
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(), event.getPayload(),
                event.getPayloadType(), event.getMetaData()));
        if (event instanceof TrackedEventMessage<?> tracked) {
            fields.add(tracked.trackingToken());
        }
        return fields;
    }

    private static List<Object> fields(TrackedEventMessage<?> event) {
        return fields((DomainEventMessage<?>) event);
    }

    /** The ledger's engine, counting the queries for an aggregate's events. */
    private static final class AggregateReads extends LedgerEventStorageEngine {

        private int queries;

        AggregateReads(JdbcEventStorageEngine.Builder builder) {
            super(builder);
        }

        @Override
        protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                      long firstSequenceNumber, int batchSize) {
            queries++;
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
    }

    private static List<DomainEventMessage<?>> lifeOf(String aggregate, int events) {
        return IntStream.range(0, events).<DomainEventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>(
                "Instance", aggregate, sequence, aggregate + " " + sequence)).toList();
    }

    private static List<Object> payloadsOf(String aggregate, int events) {
        return IntStream.range(0, events).<Object>mapToObj(sequence -> aggregate + " " + sequence).toList();
    }
}
