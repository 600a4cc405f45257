package org.imagesearch.ledger.app.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.imagesearch.ledger.command.time.TestClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The business clock, the one source of time for every rule: UTC in whole seconds from the system,
 * or the shared test clock when {@code ledger.test-clock.enabled=true}. Axon dates every event
 * with it too, so an event's timestamp is business time.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock businessClock(JdbcTemplate jdbc, @Value("${ledger.test-clock.enabled:false}") boolean testClock) {
        Clock system = Clock.tickSeconds(ZoneOffset.UTC);
        Clock clock = testClock ? new TestClock(jdbc, system) : system;
        GenericEventMessage.clock = clock;
        return clock;
    }
}
