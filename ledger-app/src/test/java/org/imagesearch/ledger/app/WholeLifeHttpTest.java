package org.imagesearch.ledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance's whole life over real HTTP, with the test clock:
 * trial → upgrade → renewal → exhaustion → clock + 15 days → released.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.test-clock.enabled=true", TestKeys.PROPERTY})
class WholeLifeHttpTest {

    private static final TestDatabase.Target DATABASE = TestDatabase.create("whole-life");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient ledger;

    @BeforeEach
    void setUp() {
        ledger = new LedgerClient(port);
    }

    @Test
    void trialUpgradeRenewalExhaustionAndReleaseOverHttp() {
        assertThat(ledger.setClock("2027-06-01T00:00:00Z").status()).isEqualTo(200);

        var quote = ledger.get("/api/v1/quotes/purchase?customerId=whole-life&images=100000&qps=1&trial=true");
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.money("amount")).isEqualTo("0.00");

        var purchase = ledger.purchase("whole-life", 100_000, 1, true);
        assertThat(purchase.status()).as(purchase.toString()).isEqualTo(201);
        assertThat(purchase.money("charged")).isEqualTo("0.00");
        assertThat(purchase.text("periodStart")).isEqualTo("2027-06-01T00:00:00Z");
        assertThat(purchase.text("periodEnd")).isEqualTo("2027-07-01T00:00:00Z");
        assertThat(purchase.body().path("position").asLong()).isPositive();
        String id = purchase.text("instanceId");

        awaitInstance(id, "ACTIVE");
        var view = ledger.instance(id);
        assertThat(view.body().path("trial").asBoolean()).isTrue();
        assertThat(view.body().path("package").path("images").asLong()).isEqualTo(100_000);
        assertThat(view.body().path("package").path("deleteQps").asInt()).isEqualTo(20);

        ledger.setClock("2027-06-10T00:00:00Z");
        var changeQuote = ledger.get("/api/v1/quotes/package-change?instanceId=" + id + "&images=2500000&qps=5");
        assertThat(changeQuote.money("amount")).isEqualTo("560.00");
        var upgrade = ledger.changePackage(id, 2_500_000, 5);
        assertThat(upgrade.status()).as(upgrade.toString()).isEqualTo(200);
        assertThat(upgrade.text("direction")).isEqualTo("UPGRADE");
        assertThat(upgrade.money("amount")).isEqualTo("560.00");
        assertThat(upgrade.body().path("prorations").get(0).path("remainingSeconds").asLong())
                .isEqualTo(21 * 86_400L);

        var renewalQuote = ledger.get("/api/v1/quotes/renewal?instanceId=" + id + "&months=1");
        assertThat(renewalQuote.money("amount")).isEqualTo("800.00");
        var renewal = ledger.renew(id, 1);
        assertThat(renewal.status()).as(renewal.toString()).isEqualTo(200);
        assertThat(renewal.money("charged")).isEqualTo("800.00");
        assertThat(renewal.text("termStart")).isEqualTo("2027-07-01T00:00:00Z");
        assertThat(renewal.text("termEnd")).isEqualTo("2027-08-01T00:00:00Z");

        var exhaustion = ledger.exhaust(id);
        assertThat(exhaustion.status()).as(exhaustion.toString()).isEqualTo(200);
        assertThat(exhaustion.text("state")).isEqualTo("RETAINED");
        assertThat(exhaustion.text("releaseAt")).isEqualTo("2027-06-25T00:00:00Z");
        awaitInstance(id, "RETAINED");
        assertThat(ledger.instance(id).money("balance")).isEqualTo("0.00");

        var moved = ledger.advanceClock("P15D");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("now")).isEqualTo("2027-06-25T00:00:00Z");
        awaitInstance(id, "RELEASED");
        assertThat(new EventCounts(jdbc).of(id, "InstanceReleased")).isEqualTo(1);

        var refused = ledger.renew(id, 1);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSTANCE_RELEASED");
    }

    @Test
    void aPurchaseQuoteAnswersWhatThePurchaseThenDoes() {
        String customer = "quoting-" + System.nanoTime();
        var quote = ledger.get("/api/v1/quotes/purchase?customerId=" + customer + "&images=5000000&qps=10");
        var purchase = ledger.purchase(customer, 5_000_000, 10, false);
        assertThat(quote.status()).isEqualTo(200);
        assertThat(purchase.status()).isEqualTo(201);
        assertThat(quote.money("amount")).isEqualTo(purchase.money("charged")).isEqualTo("2900.00");
        assertThat(quote.text("periodEnd")).isEqualTo(purchase.text("periodEnd"));

        var refusedQuote = ledger.get("/api/v1/quotes/purchase?customerId=" + customer + "&images=100000&qps=1&trial=true");
        var refusedPurchase = ledger.purchase(customer, 100_000, 1, true);
        assertThat(refusedQuote.status()).isEqualTo(409);
        assertThat(refusedQuote.code()).isEqualTo(refusedPurchase.code()).isEqualTo("MONTHLY_PURCHASE_LIMIT");
    }

    private void awaitInstance(String id, String state) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var view = ledger.instance(id);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.text("state")).isEqualTo(state);
        });
    }
}
