package org.imagesearch.ledger.api.billing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagesearch.ledger.api.billing.Packages.IMAGES_10M_QPS_10;
import static org.imagesearch.ledger.api.billing.Packages.IMAGES_2_5M_QPS_5;
import static org.imagesearch.ledger.api.billing.Packages.TRIAL_SIZE;
import static org.imagesearch.ledger.api.billing.Packages.pkg;
import static org.imagesearch.ledger.api.billing.Packages.term;

/** The worked examples of SPEC.md, to the cent, and the rounding rule. */
class ProrationTest {

    private static final Instant JUNE_10 = Instant.parse("2026-06-10T00:00:00Z");

    @Test
    void upgradeOnDayTenChargesTheRemainingDifference() {
        Term june = term("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 1, IMAGES_2_5M_QPS_5, "800.00");

        List<TermProration> rows = Proration.packageChange(List.of(june), JUNE_10, IMAGES_10M_QPS_10);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.totalSeconds()).isEqualTo(2_592_000);
            assertThat(row.remainingSeconds()).isEqualTo(21 * 86_400);
            assertThat(row.oldPrice()).isEqualTo(Money.usd("800.00"));
            assertThat(row.newPrice()).isEqualTo(Money.usd("5500.00"));
        });
        assertThat(Proration.amountDue(rows)).isEqualTo(Money.usd("3290.00"));
    }

    @Test
    void trialUpgradedOnDayTenPaysTheWholeRemainingNewPrice() {
        Term trial = term("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 1, TRIAL_SIZE, "0.00");

        Money due = Proration.amountDue(Proration.packageChange(List.of(trial), JUNE_10, IMAGES_2_5M_QPS_5));

        assertThat(due).isEqualTo(Money.usd("560.00"));
    }

    @Test
    void billingBalanceIsPriceTimesRemainingOverTotal() {
        Term june = term("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 1, IMAGES_2_5M_QPS_5, "800.00");

        assertThat(Proration.billingBalance(List.of(june), Instant.parse("2026-05-01T00:00:00Z")))
                .as("before the term starts, all of it remains").isEqualTo(Money.usd("800.00"));
        assertThat(Proration.billingBalance(List.of(june), JUNE_10)).isEqualTo(Money.usd("560.00"));
        assertThat(Proration.billingBalance(List.of(june), Instant.parse("2026-07-01T00:00:00Z")))
                .as("at its end nothing remains").isEqualTo(Money.ZERO);
        assertThat(Proration.billingBalance(List.of(june), Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualTo(Money.ZERO);
    }

    @Test
    void downgradeIsACreditToTheCustomer() {
        Term june = term("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 1, IMAGES_10M_QPS_10, "5500.00");

        Money due = Proration.amountDue(Proration.packageChange(List.of(june), JUNE_10, IMAGES_2_5M_QPS_5));

        assertThat(due).isEqualTo(Money.usd("-3290.00"));
    }

    @Test
    void queuedTermsTakeTheWholeDifference() {
        Term june = term("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 1, IMAGES_2_5M_QPS_5, "800.00");
        Term julyToSeptember = term("2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z", 3, IMAGES_2_5M_QPS_5,
                "2400.00");

        List<TermProration> rows = Proration.packageChange(List.of(june, julyToSeptember), JUNE_10,
                IMAGES_10M_QPS_10);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).newPrice()).as("new monthly price × the term's months").isEqualTo(Money.usd("16500.00"));
        assertThat(rows.get(1).remainingSeconds()).isEqualTo(rows.get(1).totalSeconds());
        assertThat(Proration.amountDue(rows)).isEqualTo(Money.usd("3290.00").plus(Money.usd("14100.00")));
    }

    @Test
    void endedTermsTakeNoPart() {
        Term may = term("2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z", 1, IMAGES_2_5M_QPS_5, "800.00");
        Term june = term("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 1, IMAGES_2_5M_QPS_5, "800.00");

        assertThat(Proration.packageChange(List.of(may, june), JUNE_10, IMAGES_10M_QPS_10))
                .extracting(TermProration::termStart).containsExactly(june.start());
    }

    @Test
    void roundingHalfUpSendsTiesAwayFromZero() {
        // 0.01 × 1/2 = half a cent, exactly: a tie.
        TermProration halfCent = new TermProration(JUNE_10, JUNE_10.plusSeconds(2), 1, Money.ZERO,
                Money.usd("0.01"), 1, 2);
        TermProration minusHalfCent = new TermProration(JUNE_10, JUNE_10.plusSeconds(2), 1, Money.usd("0.01"),
                Money.ZERO, 1, 2);

        assertThat(Proration.amountDue(List.of(halfCent))).isEqualTo(Money.usd("0.01"));
        assertThat(Proration.amountDue(List.of(minusHalfCent))).isEqualTo(Money.usd("-0.01"));
    }

    @Test
    void roundingHappensOnceOverTheExactSum() {
        // Three thirds of a cent: each part alone rounds to 0.00, their exact sum is one cent.
        TermProration third = new TermProration(JUNE_10, JUNE_10.plusSeconds(3), 1, Money.ZERO, Money.usd("0.01"),
                1, 3);

        assertThat(Proration.amountDue(List.of(third))).isEqualTo(Money.ZERO);
        assertThat(Proration.amountDue(List.of(third, third, third))).isEqualTo(Money.usd("0.01"));
    }

    @Test
    void sumsOfUnlikeFractionsAreExact() {
        // 1/300 + 1/600 of a dollar is exactly half a cent, which rounds up; a decimal
        // approximation of the parts would fall just short of the tie.
        TermProration a = new TermProration(JUNE_10, JUNE_10.plusSeconds(300), 1, Money.ZERO, Money.usd("0.01"),
                100, 300);
        TermProration b = new TermProration(JUNE_10, JUNE_10.plusSeconds(600), 1, Money.ZERO, Money.usd("0.01"),
                100, 600);

        assertThat(Proration.amountDue(List.of(a, b))).isEqualTo(Money.usd("0.01"));
    }

    @Test
    void pricesAreMonthlyPriceTimesMonths() {
        assertThat(pkg(5_000_000, 10, "2900.00").priceFor(36)).isEqualTo(Money.usd("104400.00"));
    }
}
