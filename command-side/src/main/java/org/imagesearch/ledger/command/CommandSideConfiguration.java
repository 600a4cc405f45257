package org.imagesearch.ledger.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.imagesearch.ledger.command.account.JdbcPaymentReferences;
import org.imagesearch.ledger.command.account.PaymentPolicy;
import org.imagesearch.ledger.command.account.PaymentReferences;
import org.imagesearch.ledger.command.account.PaymentTerms;
import org.imagesearch.ledger.command.account.ReceivableDeadlines;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.imagesearch.ledger.command.deadline.DueDeadlines;
import org.imagesearch.ledger.command.quote.PackageOffers;
import org.imagesearch.ledger.command.quote.QuoteBook;
import org.imagesearch.ledger.command.time.CatchUp;
import org.imagesearch.ledger.command.time.ProcessorCatchUp;
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
import org.imagesearch.ledger.command.store.CommandTargets;
import org.imagesearch.ledger.command.store.FreshAggregateCache;
import org.imagesearch.ledger.command.store.RecentInstancesCache;
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
import java.util.List;
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
    public PurchasePolicy purchasePolicy(PackageOffers offers, PurchaseLimits limits, BillingCalendar calendar) {
        return new PurchasePolicy(offers, limits, calendar);
    }

    // ---- custom quotes

    @Bean
    public QuoteBook quoteBook(JdbcTemplate jdbc) {
        return new QuoteBook(jdbc);
    }

    @Bean
    public PackageOffers packageOffers(Catalog catalog, QuoteBook quoteBook) {
        return new PackageOffers(catalog, quoteBook);
    }

    /** The quote book is written in the transaction that records the offer, like the deadlines. */
    @Bean
    public ConfigurerModule quoteBookProcessing() {
        return subscribingInTheCommandsTransaction(QuoteBook.PROCESSING_GROUP);
    }

    // ---- payments (the account aggregate is always there; the policy that feeds it only when they are on)

    @Bean
    public PaymentTerms paymentTerms(@Value("${ledger.payments.term:P7D}") Duration term,
                                     @Value("${ledger.payments.release-after:P15D}") Duration releaseAfter) {
        return new PaymentTerms(term, releaseAfter);
    }

    @Bean
    public PaymentReferences paymentReferences(JdbcTemplate jdbc) {
        return new JdbcPaymentReferences(jdbc);
    }

    @Bean
    public ReceivableDeadlines receivableDeadlines(JdbcTemplate jdbc) {
        return new ReceivableDeadlines(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.payments.enabled", havingValue = "true")
    public PaymentPolicy paymentPolicy(CommandGateway commands) {
        return new PaymentPolicy(commands);
    }

    /**
     * One thread follows the event store from where it stood when payments were switched on; a
     * command that fails is retried (the error propagates and the processor backs off).
     */
    @Bean
    @ConditionalOnProperty(name = "ledger.payments.enabled", havingValue = "true")
    public ConfigurerModule paymentPolicyProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(PaymentPolicy.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(PaymentPolicy.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.payments.enabled", havingValue = "true")
    public CatchUp paymentPolicyCatchUp(EventProcessingConfiguration processing, RecordedEvents recordedEvents) {
        return new ProcessorCatchUp(processing, PaymentPolicy.PROCESSING_GROUP, recordedEvents);
    }

    /**
     * The instances used last stay in memory between commands, {@code ledger.commands.aggregate-cache-size}
     * of them (ADR 0027; a rolled-back unit of work evicts its instance).
     * {@code ledger.commands.aggregate-cache}: {@code verified} (the default) checks each hit against
     * the event store, so several command nodes may serve one instance; {@code trusted} skips the
     * check, for a single command node.
     */
    @Bean
    public Cache instanceCache(RecordedEvents recordedEvents,
                               @Value("${ledger.commands.aggregate-cache:verified}") String mode,
                               @Value("${ledger.commands.aggregate-cache-size:10000}") int size) {
        return switch (mode) {
            case "verified" -> new FreshAggregateCache(new RecentInstancesCache(size), recordedEvents);
            case "trusted" -> new RecentInstancesCache(size);
            default -> throw new IllegalStateException(
                    "ledger.commands.aggregate-cache must be verified or trusted, not " + mode);
        };
    }

    /** Which aggregate a command is for, found once per command class (named by each {@code @Aggregate}). */
    @Bean
    public CommandTargets commandTargets() {
        return new CommandTargets();
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

    /** The deadline tables are written in the command's own transaction, and a failure there fails the command. */
    @Bean
    public ConfigurerModule deadlineScheduleProcessing() {
        return subscribingInTheCommandsTransaction(DeadlineScheduler.PROCESSING_GROUP);
    }

    private static ConfigurerModule subscribingInTheCommandsTransaction(String processingGroup) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(processingGroup)
                .registerListenerInvocationErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance()));
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
    public DeadlineSweeper deadlineSweeper(List<DueDeadlines> tables, CommandGateway commands, Clock clock,
                                           TransactionManager transactions, ExecutorService deadlineWorkers,
                                           @Value("${ledger.deadlines.batch-size:500}") int batchSize,
                                           @Value("${ledger.deadlines.per-transaction:100}") int perTransaction) {
        return new DeadlineSweeper(tables, commands, transactions, clock, deadlineWorkers, batchSize, perTransaction);
    }

    @Bean
    public DeadlinePoller deadlinePoller(DeadlineSweeper sweeper,
                                         @Value("${ledger.deadlines.poll-interval:PT1S}") Duration interval) {
        return new DeadlinePoller(sweeper, interval);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.test-clock.enabled", havingValue = "true")
    public ClockControl clockControl(Clock clock, DeadlineSweeper sweeper, RecordedEvents recordedEvents,
                                     List<CatchUp> catchUps) {
        if (!(clock instanceof TestClock testClock)) {
            throw new IllegalStateException("ledger.test-clock.enabled=true but the business clock is " + clock);
        }
        return new ClockControl(testClock, sweeper, recordedEvents, catchUps);
    }
}
