package org.imagesearch.ledger.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.imagesearch.ledger.app.LedgerApplication;
import org.imagesearch.ledger.command.store.RecordedEvents;
import org.imagesearch.ledger.command.time.ClockControl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ledger, started in this JVM as the deployable starts it (both roles, API keys configured), on
 * one benchmark database. It runs on the system clock, as shipped, unless the workload moves time
 * (the wave): then on the test clock, which every node reads from the database at each reading.
 */
final class Ledger implements AutoCloseable {

    static final String SERVICE_KEY = "service-key-for-benchmarks-000000";
    static final Instant START = Instant.parse("2027-01-04T00:00:00Z");

    private final ConfigurableApplicationContext context;
    final BenchDatabase database;
    final int port;

    private Ledger(BenchDatabase database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static Ledger start(BenchDatabase database, boolean testClock) {
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.addAll(List.of("--server.port=0", "--ledger.test-clock.enabled=" + testClock,
                "--ledger.api-keys=service:" + SERVICE_KEY, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new));
        Ledger ledger = new Ledger(database, context);
        if (testClock) {
            ledger.bean(ClockControl.class).moveTo(START);
        }
        return ledger;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    CommandGateway commands() {
        return bean(CommandGateway.class);
    }

    DataSource dataSource() {
        return bean(DataSource.class);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    long head() {
        return bean(RecordedEvents.class).head();
    }

    /**
     * Waits until every streaming processor of the ledger has handled the event store up to its head.
     * (Axon keeps calling a segment "replaying" until an event it handles passes the reset point, so
     * the position is what tells.)
     */
    void awaitProcessors(Duration atMost) {
        long head = head();
        long deadline = System.nanoTime() + atMost.toNanos();
        EventProcessingConfiguration processing = bean(EventProcessingConfiguration.class);
        while (true) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .allMatch(processor -> caughtUp(processor, head));
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The processors did not reach position " + head + " within "
                        + atMost);
            }
            Timing.sleep(2);
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        var segments = processor.processingStatus().values();
        return processor.isRunning() && !segments.isEmpty() && segments.stream().allMatch(status ->
                !status.isErrorState() && status.getCurrentPosition().orElse(-1) >= head);
    }

    @Override
    public void close() {
        context.close();
    }
}
