package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Custom quotes and payments over real HTTP, with payments on and the test clock: a quote purchase,
 * an expired quote, a partial payment, a replayed payment reference, an overdue notice and an overdue
 * release, while a customer who pays is left untouched and one who pays late is spared. Then a
 * replay rebuilds the new read models row for row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.test-clock.enabled=true", "ledger.deadlines.poll-interval=PT1H",
                "ledger.payments.enabled=true", TestKeys.PROPERTY})
class PaymentsWholeLifeHttpTest {

    private static final TestDatabase.Target DATABASE = TestDatabase.create("payments");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient operator;
    LedgerClient service;

    @BeforeEach
    void setUp() {
        operator = new LedgerClient(port);
        service = new LedgerClient(port, TestKeys.SERVICE);
    }

    @Test
    void quotesPaymentsOverdueNoticesAndReleaseForNonPayment() {
        assertThat(operator.setClock("2027-03-01T00:00:00Z").status()).isEqualTo(200);

        // an operator offers the late payer a package beyond the catalog, valid until March 10
        var offered = operator.post("/api/v1/custom-quotes", Map.of("customerId", "late-payer", "images", 80_000_000,
                "qps", 20, "monthlyPrice", Map.of("amount", "30000.00", "currency", "USD"),
                "validUntil", "2027-03-10T00:00:00Z"));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        String quoteId = offered.text("quoteId");
        assertProblem(operator.post("/api/v1/custom-quotes", Map.of("customerId", "late-payer", "images", 50_000_000,
                "qps", 10, "monthlyPrice", Map.of("amount", "1.00", "currency", "USD"),
                "validUntil", "2027-03-10T00:00:00Z")), 400, "QUOTE_WITHIN_CATALOG");
        assertThat(service.post("/api/v1/custom-quotes", Map.of("customerId", "late-payer")).status())
                .as("only operators offer quotes").isEqualTo(403);
        assertThat(quotes("late-payer")).containsExactly(quoteId + " VALID");

        // the quote prices like a catalog package, for its customer only
        assertThat(service.get("/api/v1/quotes/purchase?customerId=late-payer&quoteId=" + quoteId).money("amount"))
                .isEqualTo("30000.00");
        var latePurchase = service.post("/api/v1/instances", Map.of("customerId", "late-payer", "quoteId", quoteId));
        assertThat(latePurchase.status()).as(latePurchase.toString()).isEqualTo(201);
        assertThat(latePurchase.money("charged")).isEqualTo("30000.00");
        String lateInstance = latePurchase.text("instanceId");
        assertThat(service.get("/api/v1/instances/" + lateInstance + "?minPosition=" + latePurchase.text("position"))
                .body().path("package").path("images").asLong())
                .isEqualTo(80_000_000L);
        assertProblem(service.post("/api/v1/instances", Map.of("customerId", "someone-else", "quoteId", quoteId)),
                409, "QUOTE_NOT_FOR_CUSTOMER");
        assertProblem(service.post("/api/v1/instances", Map.of("customerId", "late-payer",
                "quoteId", "quote-unknown")), 404, "UNKNOWN_QUOTE");
        assertProblem(service.post("/api/v1/instances", Map.of("customerId", "late-payer", "quoteId", quoteId,
                "images", 100_000, "qps", 1)), 400, "VALIDATION");

        String promptInstance = bought("prompt-payer");
        String rescuedInstance = bought("rescued-payer");
        awaitTotals("late-payer", "outstanding", "30000.00");
        awaitTotals("prompt-payer", "outstanding", "800.00");
        operator.advanceClock("P1D");

        // a partial payment, and the same payment again (same reference: nothing changes)
        var partial = pay("late-payer", "10000.00", "wire-late-1");
        assertThat(partial.status()).as(partial.toString()).isEqualTo(201);
        assertThat(partial.money("outstanding")).isEqualTo("20000.00");
        long eventsBefore = eventCount();
        var again = pay("late-payer", "10000.00", "wire-late-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("receivedAt")).isEqualTo(partial.body().path("receivedAt"));
        assertThat(again.money("outstanding")).isEqualTo("20000.00");
        assertThat(eventCount()).as("a replayed payment records nothing").isEqualTo(eventsBefore);
        assertProblem(pay("late-payer", "9999.00", "wire-late-1"), 409, "PAYMENT_REFERENCE_REUSED");
        assertProblem(pay("prompt-payer", "10000.00", "wire-late-1"), 409, "PAYMENT_REFERENCE_REUSED");
        assertProblem(pay("late-payer", "-5.00", "wire-late-2"), 400, "VALIDATION");

        // the prompt payer pays in full, and a little more: that is credit
        assertThat(pay("prompt-payer", "900.00", "card-prompt-1").money("creditBalance")).isEqualTo("100.00");

        // a week after the charges: overdue notices for what is still open, none for the prompt payer
        operator.advanceClock("P6D");
        assertThat(notices("late-payer")).containsExactly("PAYMENT_OVERDUE " + lateInstance + " 2027-03-23T00:00:00Z");
        assertThat(notices("rescued-payer"))
                .containsExactly("PAYMENT_OVERDUE " + rescuedInstance + " 2027-03-23T00:00:00Z");
        assertThat(notices("prompt-payer")).isEmpty();

        // the quote expires with its validity
        operator.advanceClock("P2D");
        assertThat(quotes("late-payer")).containsExactly(quoteId + " EXPIRED");
        assertProblem(service.get("/api/v1/quotes/renewal?instanceId=" + lateInstance + "&months=1&quoteId="
                + quoteId), 409, "QUOTE_EXPIRED");
        assertProblem(service.post("/api/v1/instances/" + lateInstance + "/renewals", Map.of("months", 1)), 409,
                "QUOTE_EXPIRED");

        // paying in full before the release date cancels the release
        assertThat(pay("rescued-payer", "800.00", "wire-rescued-1").money("outstanding")).isEqualTo("0.00");

        // 15 days after the due date: the late payer's instance is released, the others are not
        operator.advanceClock("P14D");
        awaitState(lateInstance, "RELEASED");
        assertThat(notices("late-payer")).containsExactly(
                "PAYMENT_OVERDUE " + lateInstance + " 2027-03-23T00:00:00Z",
                "INSTANCE_RELEASED " + lateInstance + " PAYMENT_OVERDUE");
        assertThat(service.instance(promptInstance).text("state")).isEqualTo("ACTIVE");
        assertThat(service.instance(rescuedInstance).text("state")).isEqualTo("ACTIVE");

        // the totals: what was charged, paid, still owed, and held as credit
        JsonNode late = totals("late-payer");
        assertThat(late.path("charged").path("amount").asText()).isEqualTo("30000.00");
        assertThat(late.path("paid").path("amount").asText()).isEqualTo("10000.00");
        assertThat(late.path("outstanding").path("amount").asText()).isEqualTo("20000.00");
        JsonNode prompt = totals("prompt-payer");
        assertThat(prompt.path("paid").path("amount").asText()).isEqualTo("900.00");
        assertThat(prompt.path("outstanding").path("amount").asText()).isEqualTo("0.00");
        assertThat(prompt.path("creditBalance").path("amount").asText()).isEqualTo("100.00");
        JsonNode lateBeforePaying = service.get("/api/v1/customers/late-payer/ledger?asOf=2027-03-01T12:00:00Z")
                .body().path("totals");
        assertThat(lateBeforePaying.path("paid").path("amount").asText()).isEqualTo("0.00");
        assertThat(lateBeforePaying.path("outstanding").path("amount").asText()).isEqualTo("30000.00");

        // the prompt payer's quota runs out: a notice with the release date
        assertThat(service.exhaust(promptInstance).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notices("prompt-payer"))
                .containsExactly("QUOTA_EXHAUSTED " + promptInstance + " 2027-04-08T00:00:00Z"));

        // a replay rebuilds the accounts, quotes and notices row for row
        Map<String, List<Map<String, Object>>> before = readModels();
        assertThat(operator.post("/api/v1/admin/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var status = operator.get("/api/v1/admin/replay");
            assertThat(status.body().path("replaying").asBoolean()).isFalse();
            assertThat(status.body().path("items").findValuesAsText("live")).containsOnly("true");
        });
        assertThat(readModels()).isEqualTo(before);
        assertThat(before.get("account_view")).hasSize(3);
    }

    private String bought(String customer) {
        var purchase = service.purchase(customer, 2_500_000, 5, false);
        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);
        return purchase.text("instanceId");
    }

    private LedgerClient.Answer pay(String customer, String amount, String reference) {
        return service.post("/api/v1/payments", Map.of("customerId", customer,
                "amount", Map.of("amount", amount, "currency", "USD"), "reference", reference));
    }

    private JsonNode totals(String customer) {
        var ledger = service.get("/api/v1/customers/" + customer + "/ledger");
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(200);
        return ledger.body().path("totals");
    }

    private void awaitTotals(String customer, String field, String amount) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(totals(customer).path(field).path("amount").asText()).isEqualTo(amount));
    }

    private void awaitState(String instanceId, String state) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(service.instance(instanceId).text("state")).isEqualTo(state));
    }

    private List<String> quotes(String customer) {
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            seen.clear();
            var answer = service.get("/api/v1/custom-quotes?customerId=" + customer);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            answer.body().path("items").forEach(item ->
                    seen.add(item.path("quoteId").asText() + " " + item.path("status").asText()));
            assertThat(seen).isNotEmpty();
        });
        return seen;
    }

    /** The notices, once the projection has caught up with the event store. */
    private List<String> notices(String customer) {
        long head = eventCount() == 0 ? 0 : jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry",
                Long.class);
        var answer = service.get("/api/v1/notifications?customerId=" + customer + "&minPosition=" + head);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        answer.body().path("items").forEach(item -> seen.add(item.path("kind").asText() + " "
                + item.path("instanceId").asText() + " "
                + (item.path("releaseAt").isNull() ? item.path("reason").asText() : item.path("releaseAt").asText())));
        return seen;
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("account_view", jdbc.queryForList("SELECT * FROM account_view ORDER BY customer_id"));
        tables.put("custom_quote_view", jdbc.queryForList("SELECT * FROM custom_quote_view ORDER BY quote_id"));
        tables.put("notification", jdbc.queryForList("SELECT * FROM notification ORDER BY event_id"));
        tables.put("ledger_entry", jdbc.queryForList("SELECT * FROM ledger_entry ORDER BY event_id"));
        tables.put("instance_view", jdbc.queryForList("SELECT * FROM instance_view ORDER BY instance_id"));
        return tables;
    }

    private static void assertProblem(LedgerClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
    }
}
