package org.imagesearch.ledger.app.config;

import org.imagesearch.ledger.command.time.TestClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The business clock, the one source of time for every rule: UTC in whole seconds from the system,
 * or the shared test clock when {@code ledger.test-clock.enabled=true}.
 *
 * <p>Axon's own clock ({@code GenericEventMessage.clock}) is left on the system clock: Axon times
 * claims, gap timeouts and segment releases with it, and a frozen or jumping clock would break them.
 * Business time reaches the events through their payloads ({@code occurredAt}) and their
 * {@code businessTime} metadata (see {@link MessageMetadataConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock businessClock(JdbcTemplate jdbc, @Value("${ledger.test-clock.enabled:false}") boolean testClock) {
        Clock system = Clock.tickSeconds(ZoneOffset.UTC);
        return testClock ? new TestClock(jdbc, system) : system;
    }
}
