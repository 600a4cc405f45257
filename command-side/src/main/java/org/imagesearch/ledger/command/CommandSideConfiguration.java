package org.imagesearch.ledger.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.imagesearch.ledger.command.deadline.DeadlinePoller;
import org.imagesearch.ledger.command.deadline.DeadlineScheduler;
import org.imagesearch.ledger.command.deadline.DeadlineStore;
import org.imagesearch.ledger.command.deadline.DeadlineSweeper;
import org.imagesearch.ledger.command.idempotency.IdempotencyInterceptor;
import org.imagesearch.ledger.command.idempotency.IdempotencyJanitor;
import org.imagesearch.ledger.command.idempotency.IdempotentRequests;
import org.imagesearch.ledger.command.instance.BillingCalendar;
import org.imagesearch.ledger.command.instance.InstanceRules;
import org.imagesearch.ledger.command.instance.JdbcPurchaseLimits;
import org.imagesearch.ledger.command.instance.PurchaseLimits;
import org.imagesearch.ledger.command.instance.PurchasePolicy;
import org.imagesearch.ledger.command.store.FreshAggregateCache;
import org.imagesearch.ledger.command.store.RecordedEvents;
import org.imagesearch.ledger.command.store.RecordedSequence;
import org.imagesearch.ledger.command.time.ClockControl;
import org.imagesearch.ledger.command.time.TestClock;
import org.imagesearch.ledger.command.web.CommandDispatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The command side: the instance aggregate, its rules, the purchase limits, deadlines and the command API. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class CommandSideConfiguration {

    @Bean
    public Catalog catalog(ResourceLoader resources,
                           @Value("${ledger.catalog.location:classpath:catalog/catalog.json}") String location) {
        Resource resource = resources.getResource(location);
        try (InputStream json = resource.getInputStream()) {
            return Catalog.read(json, location);
        } catch (IOException e) {
            throw new IllegalStateException("The package catalog " + location + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    @Bean
    public BillingCalendar billingCalendar(@Value("${ledger.billing-zone:UTC}") ZoneId zone) {
        return new BillingCalendar(zone);
    }

    @Bean
    public InstanceRules instanceRules(BillingCalendar calendar) {
        return new InstanceRules(calendar);
    }

    @Bean
    public PurchaseLimits purchaseLimits(JdbcTemplate jdbc) {
        return new JdbcPurchaseLimits(jdbc);
    }

    @Bean
    public PurchasePolicy purchasePolicy(Catalog catalog, PurchaseLimits limits, BillingCalendar calendar) {
        return new PurchasePolicy(catalog, limits, calendar);
    }

    /**
     * Instances stay in memory between commands (a rolled-back unit of work evicts its instance).
     * {@code ledger.commands.aggregate-cache}: {@code verified} (the default) checks each hit against
     * the event store, so several command nodes may serve one instance; {@code trusted} skips the
     * check, for a single command node.
     */
    @Bean
    public Cache instanceCache(RecordedEvents recordedEvents,
                               @Value("${ledger.commands.aggregate-cache:verified}") String mode) {
        return switch (mode) {
            case "verified" -> new FreshAggregateCache(new WeakReferenceCache(), recordedEvents);
            case "trusted" -> new WeakReferenceCache();
            default -> throw new IllegalStateException(
                    "ledger.commands.aggregate-cache must be verified or trusted, not " + mode);
        };
    }

    @Bean
    public RecordedEvents recordedEvents(JdbcTemplate jdbc, EventSchema schema) {
        return new RecordedEvents(jdbc, schema);
    }

    @Bean
    public RecordedSequence recordedSequence(EventStore eventStore) {
        RecordedSequence recordedSequence = new RecordedSequence();
        eventStore.registerDispatchInterceptor(recordedSequence);
        return recordedSequence;
    }

    @Bean
    public CommandDispatcher commandDispatcher(CommandGateway gateway, RecordedEvents recordedEvents,
                                               RecordedSequence recordedSequence, IdempotentRequests idempotentRequests,
                                               @Value("${ledger.commands.max-attempts:5}") int maxAttempts) {
        return new CommandDispatcher(gateway, recordedEvents, recordedSequence, idempotentRequests, maxAttempts);
    }

    // ---- idempotency keys (wall-clock window: they are about clients retrying)

    @Bean
    public IdempotentRequests idempotentRequests(JdbcTemplate jdbc) {
        return new IdempotentRequests(jdbc, Clock.systemUTC());
    }

    /** Picked up by Axon's auto-configuration and registered on the command bus. */
    @Bean
    public MessageHandlerInterceptor<CommandMessage<?>> idempotencyInterceptor(IdempotentRequests requests,
                                                                              RecordedSequence recordedSequence) {
        return new IdempotencyInterceptor(requests, recordedSequence);
    }

    @Bean
    public IdempotencyJanitor idempotencyJanitor(IdempotentRequests requests) {
        return new IdempotencyJanitor(requests);
    }

    // ---- deadlines

    @Bean
    public DeadlineStore deadlineStore(JdbcTemplate jdbc) {
        return new DeadlineStore(jdbc);
    }

    @Bean
    public DeadlineScheduler deadlineScheduler(DeadlineStore store) {
        return new DeadlineScheduler(store);
    }

    /** The deadline table is written in the command's own transaction, and a failure there fails the command. */
    @Bean
    public ConfigurerModule deadlineScheduleProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(DeadlineScheduler.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(DeadlineScheduler.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    @Bean(destroyMethod = "shutdown")
    public ExecutorService deadlineWorkers(@Value("${ledger.deadlines.threads:2}") int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "deadline-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public DeadlineSweeper deadlineSweeper(DeadlineStore store, CommandGateway commands, Clock clock,
                                           ExecutorService deadlineWorkers,
                                           @Value("${ledger.deadlines.batch-size:500}") int batchSize) {
        return new DeadlineSweeper(store, commands, clock, deadlineWorkers, batchSize);
    }

    @Bean
    public DeadlinePoller deadlinePoller(DeadlineSweeper sweeper,
                                         @Value("${ledger.deadlines.poll-interval:PT1S}") Duration interval) {
        return new DeadlinePoller(sweeper, interval);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.test-clock.enabled", havingValue = "true")
    public ClockControl clockControl(Clock clock, DeadlineSweeper sweeper, RecordedEvents recordedEvents) {
        if (!(clock instanceof TestClock testClock)) {
            throw new IllegalStateException("ledger.test-clock.enabled=true but the business clock is " + clock);
        }
        return new ClockControl(testClock, sweeper, recordedEvents);
    }
}
