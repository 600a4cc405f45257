package org.imagesearch.ledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The base of HTTP tests that share one running ledger (one Spring context, one database, the test
 * clock on), on H2 or PostgreSQL (see {@link TestDatabase}). Tests keep apart by using customers of
 * their own. Deadlines fire only when a test moves the clock (the background sweep is an hour
 * apart), so counts of events move only with what a test does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.test-clock.enabled=true", "ledger.deadlines.poll-interval=PT1H", TestKeys.PROPERTY})
public abstract class LedgerHttpTest {

    private static final TestDatabase.Target DATABASE = TestDatabase.create("shared");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected LedgerClient ledger;
    protected EventCounts events;

    @BeforeEach
    void connect() {
        ledger = new LedgerClient(port);
        events = new EventCounts(jdbc);
    }

    protected static String newCustomer(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Buys a package for a new customer and returns the instance id. */
    protected String purchased(String prefix, long images, int qps, boolean trial) {
        var answer = ledger.purchase(newCustomer(prefix), images, qps, trial);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("instanceId");
    }

    protected void awaitState(String instanceId, String state) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ledger.instance(instanceId).text("state")).isEqualTo(state));
    }

    protected static void assertProblem(LedgerClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
    }
}
