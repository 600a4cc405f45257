package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read endpoints of SPEC.md's contract: their answers, their 400s and their 404s. */
class QueryApiContractTest extends LedgerHttpTest {

    private record Bought(String customer, String instance, long position) {
    }

    private Bought buyAndUpgrade(String prefix) {
        String customer = newCustomer(prefix);
        var purchase = ledger.purchase(customer, 2_500_000, 5, false);
        assertThat(purchase.status()).isEqualTo(201);
        String id = purchase.text("instanceId");
        ledger.advanceClock("P9D");
        var change = ledger.changePackage(id, 10_000_000, 10);
        assertThat(change.status()).isEqualTo(200);
        return new Bought(customer, id, change.body().path("position").asLong());
    }

    @Test
    void theInstanceViewShowsEntitlementsPeriodAndBalance() {
        Bought bought = buyAndUpgrade("view");

        var view = ledger.get("/api/v1/instances/" + bought.instance() + "?minPosition=" + bought.position());

        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        JsonNode body = view.body();
        assertThat(body.path("instanceId").asText()).isEqualTo(bought.instance());
        assertThat(body.path("customerId").asText()).isEqualTo(bought.customer());
        assertThat(body.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("package").path("images").asLong()).isEqualTo(10_000_000);
        assertThat(body.path("package").path("qps").asInt()).isEqualTo(10);
        assertThat(body.path("package").path("deleteQps").asInt()).isEqualTo(20);
        assertThat(body.path("releaseAt").isNull()).isTrue();
        assertThat(body.path("balance").path("currency").asText()).isEqualTo("USD");
        assertThat(body.path("periodEnd").asText()).endsWith("Z");
    }

    @Test
    void theInstanceViewRefusesBadInputAndUnknownIds() {
        assertProblem(ledger.instance("missing-instance"), 404, "NOT_FOUND");
        assertProblem(ledger.instance("x".repeat(65)), 400, "VALIDATION");
        assertProblem(ledger.get("/api/v1/instances/a%2Fb"), 400, "VALIDATION");
        Bought bought = buyAndUpgrade("view-bad");
        assertProblem(ledger.get("/api/v1/instances/" + bought.instance() + "?asOf=2026-01-01T00:00:00%2B02:00"), 400,
                "VALIDATION");
        assertProblem(ledger.get("/api/v1/instances/" + bought.instance() + "?asOf=yesterday"), 400, "VALIDATION");
        assertProblem(ledger.get("/api/v1/instances/" + bought.instance() + "?asOf=2001-01-01T00:00:00Z"), 404,
                "NOT_FOUND");
        assertProblem(ledger.get("/api/v1/instances/" + bought.instance() + "?minPosition=abc"), 400, "VALIDATION");
    }

    @Test
    void theCustomerLedgerListsEntriesTotalsAndBalances() {
        Bought bought = buyAndUpgrade("ledger");

        var answer = ledger.get("/api/v1/customers/" + bought.customer() + "/ledger?minPosition=" + bought.position());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode entries = answer.body().path("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("PURCHASE");
        assertThat(entries.get(0).path("amount").path("amount").asText()).isEqualTo("800.00");
        assertThat(entries.get(1).path("kind").asText()).isEqualTo("UPGRADE");
        assertThat(entries.get(1).path("instanceId").asText()).isEqualTo(bought.instance());
        JsonNode totals = answer.body().path("totals");
        BigDecimalAssert.equal(totals.path("charged").path("amount").asText(),
                new java.math.BigDecimal("800.00").add(new java.math.BigDecimal(entries.get(1).path("amount")
                        .path("amount").asText())).toPlainString());
        assertThat(totals.path("credited").path("amount").asText()).isEqualTo("0.00");
        assertThat(totals.path("net").path("amount").asText()).isEqualTo(totals.path("charged").path("amount")
                .asText());
        assertThat(answer.body().path("instances").get(0).path("instanceId").asText()).isEqualTo(bought.instance());
        assertThat(answer.body().path("instances").get(0).path("balance").path("amount").asText()).isNotBlank();
    }

    @Test
    void theCustomerLedgerRefusesBadInputAndUnknownCustomers() {
        assertProblem(ledger.get("/api/v1/customers/nobody-" + System.nanoTime() + "/ledger"), 404, "NOT_FOUND");
        assertProblem(ledger.get("/api/v1/customers/" + "c".repeat(65) + "/ledger"), 400, "VALIDATION");
        assertProblem(ledger.get("/api/v1/customers/acme/ledger?asOf=2026-13-01T00:00:00Z"), 400, "VALIDATION");
        assertProblem(ledger.get("/api/v1/customers/acme/ledger?asOf=2999-01-01T00:00:00Z"), 400, "VALIDATION");
    }

    @Test
    void prorationsShowEachChangeWithItsInputsAndResult() {
        Bought bought = buyAndUpgrade("prorations");

        var answer = ledger.get("/api/v1/instances/" + bought.instance() + "/prorations?minPosition="
                + bought.position());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode row = answer.body().path("items").get(0);
        assertThat(row.path("direction").asText()).isEqualTo("UPGRADE");
        assertThat(row.path("amount").path("amount").asText()).isNotBlank();
        assertThat(row.path("from").path("images").asLong()).isEqualTo(2_500_000);
        assertThat(row.path("to").path("images").asLong()).isEqualTo(10_000_000);
        assertThat(row.path("terms").get(0).path("oldPrice").path("amount").asText()).isEqualTo("800.00");
        assertThat(row.path("terms").get(0).path("newPrice").path("amount").asText()).isEqualTo("5500.00");
        assertThat(row.path("terms").get(0).path("remainingSeconds").asLong()).isPositive();
        assertThat(row.path("rounding").asText()).contains("HALF_UP");

        assertProblem(ledger.get("/api/v1/instances/missing-instance/prorations"), 404, "NOT_FOUND");
        assertProblem(ledger.get("/api/v1/instances/bad%20id/prorations"), 400, "VALIDATION");
    }

    @Test
    void releasesListRetainedInstancesDueBeforeAnInstant() {
        String id = purchased("releases", 2_500_000, 5, false);
        var exhausted = ledger.exhaust(id);
        String releaseAt = exhausted.text("releaseAt");
        long position = exhausted.body().path("position").asLong();

        var before = ledger.get("/api/v1/releases?dueBefore=" + releaseAt + "&minPosition=" + position);
        var after = ledger.get("/api/v1/releases?dueBefore=" + java.time.Instant.parse(releaseAt).plusSeconds(1)
                + "&minPosition=" + position);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().path("items").findValuesAsText("instanceId")).contains(id);
        assertThat(before.body().path("items").findValuesAsText("instanceId")).doesNotContain(id);
        assertThat(after.body().path("items").get(0).has("releaseAt")).isTrue();

        assertProblem(ledger.get("/api/v1/releases?dueBefore=tomorrow"), 400, "VALIDATION");
        assertProblem(ledger.get("/api/v1/releases?dueBefore=2026-01-01T00:00:00"), 400, "VALIDATION");
    }

    @Test
    void theAuditTrailListsEveryEventWithItsMetadataInOrder() {
        String customer = newCustomer("audit");
        var purchase = ledger.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/instances"))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "audit-correlation-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customer
                        + "\",\"images\":2500000,\"qps\":5}")));
        assertThat(purchase.status()).isEqualTo(201);
        String id = purchase.text("instanceId");
        ledger.exhaust(id);

        var trail = ledger.get("/api/v1/instances/" + id + "/events");

        assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
        JsonNode items = trail.body().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("type").asText()).isEqualTo("PackagePurchased");
        assertThat(items.get(1).path("type").asText()).isEqualTo("QuotaExhausted");
        assertThat(items.get(0).path("position").asLong()).isLessThan(items.get(1).path("position").asLong());
        assertThat(items.get(0).path("metadata").path("correlationId").asText()).isEqualTo("audit-correlation-1");
        assertThat(items.get(0).path("metadata").path("caller").asText()).isNotBlank();
        assertThat(items.get(1).path("metadata").path("correlationId").asText()).isNotEqualTo("audit-correlation-1");
        assertThat(items.get(0).path("payload").path("customerId").asText()).isEqualTo(customer);
        assertThat(items.get(0).path("recordedAt").asText()).endsWith("Z");
        assertThat(items.get(0).path("revision").asText()).isEqualTo("1");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledger.get("/api/v1/customers/" + customer + "/events").body().path("items")).hasSize(2));
        assertProblem(ledger.get("/api/v1/instances/missing-instance/events"), 404, "NOT_FOUND");
        assertProblem(ledger.get("/api/v1/customers/nobody-at-all/events"), 404, "NOT_FOUND");
    }

    @Test
    void customQuotesAndNotificationsAreListedPerCustomer() {
        String customer = newCustomer("notices");
        var offered = ledger.post("/api/v1/custom-quotes", Map.of("customerId", customer,
                "images", 60_000_000, "qps", 10, "monthlyPrice", Map.of("amount", "26000.00", "currency",
                        "USD"), "validUntil", "2099-01-01T00:00:00Z"));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(201);
        var quotes = ledger.get("/api/v1/custom-quotes?customerId=" + customer + "&minPosition="
                + offered.text("position"));
        assertThat(quotes.body().path("items").findValuesAsText("quoteId")).containsExactly(offered.text("quoteId"));
        assertThat(quotes.body().path("items").get(0).path("status").asText()).isEqualTo("VALID");
        assertThat(quotes.body().path("items").get(0).path("monthlyPrice").path("amount").asText())
                .isEqualTo("26000.00");

        String instance = ledger.purchase(customer, 2_500_000, 5, false).text("instanceId");
        var exhausted = ledger.exhaust(instance);
        var notices = ledger.get("/api/v1/notifications?customerId=" + customer + "&minPosition="
                + exhausted.text("position"));
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.body().path("items").findValuesAsText("kind")).containsExactly("QUOTA_EXHAUSTED");
        assertThat(notices.body().path("items").get(0).path("releaseAt").asText())
                .isEqualTo(exhausted.text("releaseAt"));

        assertThat(ledger.get("/api/v1/notifications?customerId=nobody-at-all").body().path("items")).isEmpty();
        assertThat(ledger.get("/api/v1/custom-quotes?customerId=nobody-at-all").body().path("items")).isEmpty();
        assertProblem(ledger.get("/api/v1/notifications"), 400, "VALIDATION");
        assertProblem(ledger.get("/api/v1/custom-quotes?customerId=a/b"), 400, "VALIDATION");
    }

    @Test
    void replayShowsEveryProjectionAndRebuildsThem() {
        var status = ledger.get("/api/v1/admin/replay");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("items").findValuesAsText("processor"))
                .containsExactly("read-models");
        assertThat(status.body().path("items").get(0).has("behind")).isTrue();

        var started = ledger.post("/api/v1/admin/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ledger.get("/api/v1/admin/replay").body().path("items").findValuesAsText("live"))
                        .containsOnly("true"));
    }

    /** Compares decimal strings by value. */
    private static final class BigDecimalAssert {
        static void equal(String actual, String expected) {
            assertThat(new java.math.BigDecimal(actual)).isEqualByComparingTo(expected);
        }
    }
}
