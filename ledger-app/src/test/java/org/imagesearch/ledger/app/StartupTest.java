package org.imagesearch.ledger.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.imagesearch.ledger.query.progress.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** How the one deployable starts: its roles, and its refusal to start on a bad catalog or role. */
class StartupTest {

    private static ConfigurableApplicationContext start(String... args) {
        Path dataDir = TestDirectories.create("startup");
        List<String> all = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--server.port=0",
                "--" + TestKeys.PROPERTY));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(LedgerApplication.class).run(all.toArray(String[]::new));
    }

    private static LedgerClient client(ConfigurableApplicationContext context) {
        return new LedgerClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void aMalformedCatalogStopsTheStartWithAClearMessage() {
        Throwable failure = catchThrowable(() -> start("--ledger.catalog.location=classpath:broken-catalog.json"));

        assertThat(messages(failure))
                .contains("The package catalog classpath:broken-catalog.json is malformed")
                .contains("2 decimal places");
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        Throwable failure = catchThrowable(() -> start("--ledger.roles=command,reporting"));

        assertThat(messages(failure)).contains("ledger.roles must be command, query, or both (command,query)");
    }

    @Test
    void aQueryNodeServesReadsButNoCommands() {
        try (ConfigurableApplicationContext node = start("--ledger.roles=query")) {
            LedgerClient ledger = client(node);
            assertThat(ledger.instance("unknown").code()).isEqualTo("NOT_FOUND");
            assertThat(ledger.instance("unknown").body().path("detail").asText()).contains("No instance");
            assertThat(ledger.purchase("acme", 2_500_000, 5, false).status()).isIn(404, 405);
            assertThat(ledger.get("/api/v1/catalog").status()).isEqualTo(404);
        }
    }

    @Test
    void aCommandNodeServesCommandsButNoReads() {
        try (ConfigurableApplicationContext node = start("--ledger.roles=command")) {
            LedgerClient ledger = client(node);
            var purchase = ledger.purchase("acme", 2_500_000, 5, false);
            assertThat(purchase.status()).isEqualTo(201);
            assertThat(ledger.instance(purchase.text("instanceId")).status()).isIn(404, 405);
        }
    }

    @Test
    void bothRolesServeCommandsAndReads() {
        try (ConfigurableApplicationContext node = start("--ledger.roles=both")) {
            LedgerClient ledger = client(node);
            var purchase = ledger.purchase("acme", 2_500_000, 5, false);
            assertThat(purchase.status()).isEqualTo(201);
            assertThat(ledger.get("/api/v1/instances/" + purchase.text("instanceId") + "?minPosition="
                    + purchase.text("position")).status()).isEqualTo(200);
        }
    }

    /** ADR 0011: one tracking processor for the read models, its two segments each on a thread of its own. */
    @Test
    void theReadModelsAreOneTrackingProcessorWithAThreadForEachOfItsTwoSegments() {
        try (ConfigurableApplicationContext node = start("--ledger.roles=both")) {
            EventProcessor processor = node.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(Projections.READ_MODELS).orElseThrow();
            assertThat(processor).isInstanceOf(TrackingEventProcessor.class);
            TrackingEventProcessor tracking = (TrackingEventProcessor) processor;
            assertThat(tracking.maxCapacity()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(tracking.processingStatus()).containsOnlyKeys(0, 1));
        }
    }

    /** Each request runs the security filters as they are, not each wrapped in a (no-op) observation. */
    @Test
    void theSecurityFiltersAreNotWrappedInObservations() {
        try (ConfigurableApplicationContext node = start("--ledger.roles=both")) {
            // Spring Security and Spring MVC each put the configured chain inside a composite of their own
            Object proxy = node.getBean("springSecurityFilterChain");
            while (ReflectionUtils.findField(proxy.getClass(), "springSecurityFilterChain") != null) {
                proxy = ReflectionTestUtils.getField(proxy, "springSecurityFilterChain");
            }
            assertThat(proxy).isExactlyInstanceOf(FilterChainProxy.class);

            assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator"))
                    .isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
        }
    }
}
