package org.imagesearch.ledger.app;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.imagesearch.ledger.app.config.BoundedReadAheadStorageEngine;
import org.imagesearch.ledger.app.config.StorageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's read-ahead (the only reader that may block) gets one batch per read, and reads
 * on from where the last one ended; a processor's own stream still reads to the end in one go.
 */
class BoundedReadAheadTest {

    private static final int BATCH = 10;
    private static final int EVENTS = 35;

    private BoundedReadAheadStorageEngine engine;

    @BeforeEach
    void thirtyFiveEventsStored() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/h2/V2026.11.26.1__event_and_token_store.sql")).execute(dataSource);
        Serializer serializer = new StorageConfiguration().serializer();
        engine = new BoundedReadAheadStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new StorageConfiguration().eventSchema())
                .dataType(byte[].class)
                .batchSize(BATCH));
        List<DomainEventMessage<?>> events = IntStream.rangeClosed(1, EVENTS)
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Instance", "instance-" + i, 0,
                        "event " + i))
                .toList();
        engine.appendEvents(events);
    }

    @Test
    void theEventStoresReadAheadTakesOneBatchPerReadAndReadsOnFromWhereItEnded() {
        List<Integer> sizes = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        TrackingToken from = null;
        for (int read = 0; read < 5; read++) {
            List<? extends TrackedEventMessage<?>> batch = engine.readEvents(from, true).toList();
            sizes.add(batch.size());
            batch.forEach(event -> payloads.add(event.getPayload()));
            if (!batch.isEmpty()) {
                from = batch.get(batch.size() - 1).trackingToken();
            }
        }
        assertThat(sizes).containsExactly(BATCH, BATCH, BATCH, EVENTS - 3 * BATCH, 0);
        assertThat(payloads).containsExactlyElementsOf(
                IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "event " + i).toList());
    }

    @Test
    void aProcessorsOwnStreamStillReadsEveryEventInOneGo() {
        assertThat(engine.readEvents(null, false).count()).isEqualTo(EVENTS);
    }
}
