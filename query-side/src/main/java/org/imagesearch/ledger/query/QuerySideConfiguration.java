package org.imagesearch.ledger.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.imagesearch.ledger.api.StoredDecimals;
import org.imagesearch.ledger.api.StoredInstants;
import org.imagesearch.ledger.query.cluster.ProjectionNodeAgent;
import org.imagesearch.ledger.query.cluster.Rounds;
import org.imagesearch.ledger.query.cluster.QueryNodes;
import org.imagesearch.ledger.query.cluster.ReplayRequests;
import org.imagesearch.ledger.query.history.EventHistory;
import org.imagesearch.ledger.query.progress.GatheringEventSource;
import org.imagesearch.ledger.query.progress.ProjectionProgress;
import org.imagesearch.ledger.query.progress.ProjectionReplay;
import org.imagesearch.ledger.query.progress.ReadModelRebuild;
import org.imagesearch.ledger.query.progress.ReadConsistency;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;

/** The query side: projections into read tables, the query handlers over them, and the read API. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {

    /**
     * How read models store structured values (a snapshot, a proration's inputs) in a text column;
     * their instants are read back by {@link StoredInstants} and their decimals by {@link StoredDecimals}.
     */
    public static final ObjectMapper READ_MODEL_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(StoredInstants.module())
            .addModule(StoredDecimals.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * A handler that fails stops its projection (which retries, with a growing pause) instead of
     * skipping the event: a read model with a hole in it is worse than one that is late.
     */
    @Bean
    public ConfigurerModule failingHandlersStopTheirProjection() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    /**
     * What the read models' processor reads ({@code axon.eventhandling.processors.read-models.source}):
     * the event store, with a live batch gathering events for up to {@code ledger.read-models.gather-window}
     * before it commits (ADR 0015).
     */
    @Bean
    public GatheringEventSource readModelEvents(EventStore eventStore,
                                                @Value("${ledger.read-models.gather-window:PT0.02S}") Duration window,
                                                @Value("${axon.eventhandling.processors.read-models.batch-size:100}")
                                                int batchSize) {
        return new GatheringEventSource(eventStore, window, batchSize);
    }

    /**
     * Axon's query bus as its auto-configuration builds it, but without a transaction around each
     * query. Every query handler reads; a transaction gave them nothing (on PostgreSQL and H2 each
     * statement of a read-committed transaction sees its own snapshot anyway), and cost every read a
     * commit: one more round trip to PostgreSQL (docs/benchmarks.md, "reads").
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(NoTransactionManager.instance())
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    @Bean
    public EventHistory eventHistory(JdbcTemplate jdbc, EventSchema schema,
                                     @Qualifier("eventSerializer") Serializer serializer,
                                     org.axonframework.config.Configuration axon) {
        return new EventHistory(jdbc, schema, serializer, axon.upcasterChain());
    }

    @Bean
    public ProjectionProgress projectionProgress(JdbcTemplate jdbc, TokenSchema tokens, EventSchema events,
                                                 Serializer serializer, EventProcessingConfiguration processing) {
        return new ProjectionProgress(jdbc, tokens, events, serializer, processing);
    }

    /** Waits and replay checks run on wall time: they are about this process, not about business time. */
    @Bean
    public ReadConsistency readConsistency(ProjectionProgress progress,
                                           @Value("${ledger.reads.max-wait:PT5S}") Duration maxWait) {
        return new ReadConsistency(progress, maxWait, Clock.systemUTC());
    }

    @Bean
    public QueryNodes queryNodes(JdbcTemplate jdbc, @Value("${ledger.node-id}") String nodeId,
                                 @Value("${ledger.cluster.node-alive-for:PT10S}") Duration aliveFor) {
        return new QueryNodes(jdbc, nodeId, Clock.systemUTC(), aliveFor);
    }

    @Bean
    public ReplayRequests replayRequests(JdbcTemplate jdbc) {
        return new ReplayRequests(jdbc);
    }

    @Bean
    public ProjectionNodeAgent projectionNodeAgent(QueryNodes nodes, ReplayRequests replays,
                                                   EventProcessingConfiguration processing,
                                                   ProjectionProgress progress) {
        return new ProjectionNodeAgent(nodes, replays, processing, progress, Clock.systemUTC());
    }

    /** The agent's rounds: after Axon's processors have started, and stopped before them. */
    @Bean
    public Rounds projectionNodeRounds(ProjectionNodeAgent agent,
                                       @Value("${ledger.cluster.round-interval:PT0.5S}") Duration interval) {
        return new Rounds("projection-node-agent", interval, Integer.MAX_VALUE - 1000, agent::tick, agent::leave);
    }

    /** Looks for a replay left unfinished by a node that is gone, after the agent has started. */
    @Bean
    public Rounds abandonedReplayRounds(ProjectionReplay replay) {
        return new Rounds("abandoned-replay-check", Duration.ofSeconds(2), Integer.MAX_VALUE - 500,
                replay::resumeAbandoned, () -> { });
    }

    /** A replay's rebuild of the read models, {@code ledger.replay.chunk-size} events per transaction (ADR 0029). */
    @Bean
    public ReadModelRebuild readModelRebuild(EventStorageEngine store, TokenStore tokens,
                                             TransactionManager transactions,
                                             @Value("${ledger.replay.chunk-size:2000}") int chunkSize) {
        return new ReadModelRebuild(store, tokens, transactions, chunkSize);
    }

    @Bean
    public ProjectionReplay projectionReplay(ReplayRequests replays, QueryNodes nodes, ProjectionNodeAgent agent,
                                             ProjectionProgress progress, EventHistory history,
                                             ReadConsistency consistency,
                                             @Value("${ledger.cluster.replay-stop-timeout:PT30S}") Duration stopTimeout,
                                             PlatformTransactionManager transactions,
                                             @Value("${ledger.replay.reset-timeout:PT30M}") Duration resetTimeout,
                                             ReadModelRebuild rebuild) {
        return new ProjectionReplay(replays, nodes, agent, progress, history, consistency, Clock.systemUTC(),
                stopTimeout, transactions, resetTimeout, rebuild);
    }
}
