package org.imagesearch.ledger.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.imagesearch.ledger.api.StoredDecimals;
import org.imagesearch.ledger.api.StoredInstants;
import org.imagesearch.ledger.query.cluster.Rounds;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Where Axon keeps its facts: the JDBC event storage engine and token store on the application's
 * own database, in tables created by Flyway, and Jackson for every serialized message.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    /** The template every repository and store of the ledger uses: see {@link ChangedTimeoutsOnlyJdbcTemplate}. */
    @Bean
    public JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new ChangedTimeoutsOnlyJdbcTemplate(dataSource);
    }

    /**
     * How Axon's JDBC stores borrow connections: through Spring, which hands out the transaction's
     * own connection inside a transaction and takes it back at each close, without Axon's
     * unit-of-work wrapper (ADR 0028). That wrapper, which Axon's auto-configuration puts around
     * this provider, gives its connection back at the unit of work's cleanup, after the transaction
     * has ended and Spring has already returned the connection to the pool: Spring then closes it a
     * second time, and HikariCP's second close empties the open-statement list that the pooled
     * connection shares with its next borrower, on another thread.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueKeyViolations();
    }

    /**
     * Tokens are claimed in the name of this node ({@code ledger.node-id}), so that several nodes,
     * even several in one JVM, tell their claims apart.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 @Value("${ledger.node-id}") String nodeId,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(nodeId)
                .build();
    }

    /**
     * Axon's JDBC event storage with the ledger's schema, Jackson, and {@link GapReads}; the event
     * store's read-ahead takes one batch per read and reads at most once per
     * {@code ledger.event-store.read-ahead-pace} ({@link LedgerEventStorageEngine}, ADRs 0014 and 0021).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 @Value("${ledger.event-store.batch-size:1000}") int batchSize,
                                                 @Value("${ledger.event-store.gap-timeout-ms:60000}") int gapTimeout,
                                                 @Value("${ledger.event-store.read-ahead-pace:PT0.005S}")
                                                 Duration readAheadPace) {
        return new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(batchSize)
                .readEventDataWithGaps(GapReads::readEventDataWithGaps), readAheadPace, gapTimeout);
    }

    /**
     * Axon's embedded event store, built as its auto-configuration builds it, but quicker to let go of
     * a stream that stopped reading. One thread reads ahead of the processors that follow the head into
     * a cache they share, and every event read after a follower's position stays in memory until that
     * follower reads again or the store's cleaner drops it; Axon cleans every 10 s, in which a burst of
     * events written elsewhere fills the heap (docs/benchmarks.md, "Memory"). The cleaner runs every
     * {@code ledger.event-store.follower-cleanup}; a dropped follower reads on by itself, unharmed.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         @Value("${ledger.event-store.cached-events:10000}") int cachedEvents,
                                         @Value("${ledger.event-store.follower-cleanup:PT1S}") Duration cleanup) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .cleanupDelay(cleanup.toMillis())
                .build();
    }

    /**
     * H2's chunk housekeeping, which {@code WRITE_DELAY=0} switches off (ADR 0016), for an H2 file
     * database, opened through the asynchronous channel the ledger ships (ADR 0025) or a plain one.
     */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:async:')"
            + " or '${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
    public Rounds h2Housekeeping(DataSource dataSource,
                                 @Value("${ledger.h2.housekeeping-interval:PT1S}") Duration interval) {
        return new Rounds("h2-housekeeping", interval, 0, new H2Housekeeping(dataSource), () -> { });
    }

    /**
     * Before anything uses an H2 file database that may hold entries of transactions that never
     * committed, they are rolled back; and once everything that used it is gone, the file is marked as
     * closed by the ledger (ADR 0030). The check runs once the data source exists and before its pool
     * has opened a connection, so its own session is the database's only one. Nothing on PostgreSQL.
     */
    @Bean
    public static DestructionAwareBeanPostProcessor h2LeftoversRolledBack(
            @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        return new DestructionAwareBeanPostProcessor() {
            private volatile boolean marked;

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource) {
                    marked = H2Leftovers.beforeUse(url, username, password);
                }
                return bean;
            }

            @Override
            public boolean requiresDestruction(Object bean) {
                return bean instanceof DataSource;
            }

            /** Every bean that uses the data source is gone by now; the pool closes next. */
            @Override
            public void postProcessBeforeDestruction(Object bean, String beanName) {
                if (marked) {
                    H2Leftovers.afterUse(url);
                }
            }
        };
    }

    /** Jackson for everything Axon serializes: events, messages, tokens and snapshots. */
    @Bean
    @Primary
    public Serializer serializer() {
        return new ClassCachingJacksonSerializer(JacksonSerializer.builder().objectMapper(axonObjectMapper()));
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Kept apart from the web's strict mapper: stored events may gain fields over time (read back
     * through upcasters), and the web's refusal of unknown fields must not apply to them. Instants are
     * read by {@link StoredInstants}, and their decimals by {@link StoredDecimals}.
     */
    private static ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StoredInstants.module())
                .addModule(StoredDecimals.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
