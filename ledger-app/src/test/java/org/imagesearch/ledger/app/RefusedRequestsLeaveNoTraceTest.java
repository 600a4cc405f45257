package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal answers a problem with its stable code and records nothing: no event, no claim. */
class RefusedRequestsLeaveNoTraceTest extends LedgerHttpTest {

    private void assertRefusedWithoutTrace(int status, String code, Supplier<LedgerClient.Answer> request) {
        long eventsBefore = events.all();
        long claimsBefore = events.claimRows();
        var deadlinesBefore = jdbc.queryForList("SELECT * FROM instance_deadline ORDER BY instance_id");

        LedgerClient.Answer answer = request.get();

        assertProblem(answer, status, code);
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("org.");
        assertThat(events.all()).as("events after a refused " + code).isEqualTo(eventsBefore);
        assertThat(events.claimRows()).as("purchase claims after a refused " + code).isEqualTo(claimsBefore);
        assertThat(jdbc.queryForList("SELECT * FROM instance_deadline ORDER BY instance_id"))
                .as("deadlines after a refused " + code).isEqualTo(deadlinesBefore);
    }

    @Test
    void aSecondTrialIsRefused() {
        String customer = newCustomer("trial-twice");
        assertThat(ledger.purchase(customer, 100_000, 1, true).status()).isEqualTo(201);
        ledger.advanceClock("P40D");

        assertRefusedWithoutTrace(409, "TRIAL_ALREADY_USED", () -> ledger.purchase(customer, 100_000, 1, true));
    }

    @Test
    void aTrialAfterAPaidPurchaseInTheSameMonthLeavesNoTrialClaim() {
        String customer = newCustomer("paid-then-trial");
        assertThat(ledger.purchase(customer, 2_500_000, 5, false).status()).isEqualTo(201);

        assertRefusedWithoutTrace(409, "MONTHLY_PURCHASE_LIMIT", () -> ledger.purchase(customer, 100_000, 1, true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_claim WHERE customer_id = ?", Long.class, customer))
                .as("the trial claim inserted before the monthly one failed is rolled back").isZero();
    }

    @Test
    void aSecondPurchaseInTheSameMonthIsRefused() {
        String customer = newCustomer("month-twice");
        assertThat(ledger.purchase(customer, 2_500_000, 5, false).status()).isEqualTo(201);

        assertRefusedWithoutTrace(409, "MONTHLY_PURCHASE_LIMIT", () -> ledger.purchase(customer, 5_000_000, 5, false));
    }

    @Test
    void anUnknownPackageIsRefused() {
        assertRefusedWithoutTrace(400, "UNKNOWN_PACKAGE", () -> ledger.purchase(newCustomer("unknown"), 3, 3, false));
    }

    @Test
    void aTrialFlagOnAnotherPackageIsRefused() {
        assertRefusedWithoutTrace(400, "VALIDATION", () -> ledger.purchase(newCustomer("trial-flag"), 2_500_000, 5,
                true));
    }

    @Test
    void theSamePackageIsRefused() {
        String id = purchased("same", 2_500_000, 5, false);
        assertRefusedWithoutTrace(409, "SAME_PACKAGE", () -> ledger.changePackage(id, 2_500_000, 5));
    }

    @Test
    void aTrialRenewalIsRefused() {
        String id = purchased("trial-renew", 100_000, 1, true);
        assertRefusedWithoutTrace(409, "TRIAL_NOT_RENEWABLE", () -> ledger.renew(id, 1));
    }

    @Test
    void aPackageChangeOfARetainedInstanceIsRefused() {
        String id = purchased("retained", 2_500_000, 5, false);
        assertThat(ledger.exhaust(id).status()).isEqualTo(200);
        assertRefusedWithoutTrace(409, "INSTANCE_NOT_ACTIVE", () -> ledger.changePackage(id, 10_000_000, 10));
    }

    @Test
    void aReleasedInstanceRefusesEverything() {
        String id = purchased("released", 2_500_000, 5, false);
        assertThat(ledger.exhaust(id).status()).isEqualTo(200);
        assertThat(ledger.advanceClock("P16D").status()).isEqualTo(200);

        assertRefusedWithoutTrace(409, "INSTANCE_RELEASED", () -> ledger.renew(id, 1));
        assertRefusedWithoutTrace(409, "INSTANCE_RELEASED", () -> ledger.changePackage(id, 10_000_000, 10));
        assertRefusedWithoutTrace(409, "INSTANCE_RELEASED", () -> ledger.exhaust(id));
    }

    @Test
    void aCustomQuoteWithinTheCatalogIsRefused() {
        assertRefusedWithoutTrace(400, "QUOTE_WITHIN_CATALOG", () -> ledger.post("/api/v1/custom-quotes",
                Map.of("customerId", newCustomer("quote-small"), "images", 2_500_000, "qps", 5,
                        "monthlyPrice", Map.of("amount", "700.00", "currency", "USD"),
                        "validUntil", "2099-01-01T00:00:00Z")));
    }

    @Test
    void anUnknownCustomQuoteIsNotFound() {
        assertRefusedWithoutTrace(404, "UNKNOWN_QUOTE", () -> ledger.post("/api/v1/instances",
                Map.of("customerId", newCustomer("quote-unknown"), "quoteId", "quote-nobody-offered")));
    }

    @Test
    void aPaymentWhilePaymentsAreOffIsRefused() {
        assertRefusedWithoutTrace(409, "PAYMENTS_DISABLED", () -> ledger.post("/api/v1/payments",
                Map.of("customerId", newCustomer("payer"), "amount", Map.of("amount", "10.00", "currency", "USD"),
                        "reference", "wire-1")));
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        assertRefusedWithoutTrace(404, "NOT_FOUND", () -> ledger.renew("no-such-instance", 1));
        assertRefusedWithoutTrace(404, "NOT_FOUND", () -> ledger.instance("no-such-instance"));
    }

    @Test
    void monthsOutOfRangeAreRefused() {
        String id = purchased("months", 2_500_000, 5, false);
        assertRefusedWithoutTrace(400, "VALIDATION", () -> ledger.renew(id, 0));
        assertRefusedWithoutTrace(400, "VALIDATION", () -> ledger.renew(id, 37));
    }

    @Test
    void theClockCannotMoveBeforeTheLatestEvent() {
        purchased("clock", 2_500_000, 5, false);
        assertRefusedWithoutTrace(409, "CLOCK_BACKWARDS", () -> ledger.setClock("2020-01-01T00:00:00Z"));
        assertRefusedWithoutTrace(400, "VALIDATION", () -> ledger.advanceClock("-P1D"));
        assertRefusedWithoutTrace(400, "VALIDATION", () -> ledger.advanceClock("PT0S"));
    }
}
