package org.imagesearch.ledger.api.billing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.From;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the money arithmetic, checked against an independent oracle that works in
 * 60-digit decimals instead of exact fractions.
 */
class ProrationProperties {

    private static final MathContext ORACLE = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final Instant BASE = Instant.parse("2024-01-31T00:00:00Z");

    @Property(tries = 500)
    void upgradeAmountIsTheNewBillingBalanceMinusTheOld(@ForAll("terms") List<Term> terms,
                                                         @ForAll("prices") BigDecimal newMonthly,
                                                         @ForAll @IntRange(min = 0, max = 1000) int permille) {
        Instant at = instantWithin(terms, permille);
        ResourcePackage to = Packages.pkg(20_000_000, 10, newMonthly.toPlainString());

        Money amount = Proration.amountDue(Proration.packageChange(terms, at, to));

        List<Term> repriced = terms.stream()
                .map(term -> term.endsAfter(at) ? term.repriced(to, to.priceFor(term.months())) : term)
                .toList();
        BigDecimal exactDifference = oracleBalance(repriced, at).subtract(oracleBalance(terms, at));
        assertThat(amount.amount()).isEqualByComparingTo(exactDifference.setScale(2, RoundingMode.HALF_UP));
        Money roundedDifference = Proration.billingBalance(repriced, at).minus(Proration.billingBalance(terms, at));
        assertThat(amount.minus(roundedDifference).amount().abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Property(tries = 300)
    void afterAnyChainOfChangesTheRemainingValueIsTheRecordedPriceTimesRemainingOverTotal(
            @ForAll("terms") List<Term> terms,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 1000) Integer> changePermilles,
            @ForAll @Size(min = 6, max = 6) List<@From("prices") BigDecimal> monthlyPrices,
            @ForAll @IntRange(min = 0, max = 1000) int readPermille) {
        List<Instant> changeTimes = changePermilles.stream().sorted().map(p -> instantWithin(terms, p)).toList();
        List<Term> current = terms;
        BigDecimal paid = oracleBalance(terms, changeTimes.get(0));
        BigDecimal consumed = BigDecimal.ZERO;
        ResourcePackage latest = null;
        for (int i = 0; i < changeTimes.size(); i++) {
            Instant at = changeTimes.get(i);
            latest = Packages.pkg(1_000_000L * (i + 1), 5, monthlyPrices.get(i).toPlainString());
            ResourcePackage to = latest;
            paid = paid.add(Proration.amountDue(Proration.packageChange(current, at, to)).amount());
            current = current.stream()
                    .map(term -> term.endsAfter(at) ? term.repriced(to, to.priceFor(term.months())) : term)
                    .toList();
            if (i + 1 < changeTimes.size()) {
                consumed = consumed.add(oracleBalance(current, at).subtract(oracleBalance(current,
                        changeTimes.get(i + 1))));
            }
        }
        Instant lastChange = changeTimes.get(changeTimes.size() - 1);
        Instant read = lastChange.plusSeconds((long) ((current.get(current.size() - 1).end().getEpochSecond()
                - lastChange.getEpochSecond()) * (readPermille / 1000.0)));

        BigDecimal expected = BigDecimal.ZERO;
        for (Term term : current) {
            if (term.endsAfter(lastChange)) {
                assertThat(term.price()).as("a term not ended at the last change records the latest package's price")
                        .isEqualTo(latest.priceFor(term.months()));
            }
            expected = expected.add(fraction(term.price(), term.remainingSeconds(read), term.totalSeconds()));
        }
        assertThat(Proration.billingBalance(current, read).amount())
                .isEqualByComparingTo(expected.setScale(2, RoundingMode.HALF_UP));
        // The customer pays for exactly the time each package was in effect: what was paid (the
        // value left at the first change plus every change) is what was used between the changes
        // plus what remains after the last one, up to half a cent per rounded change.
        BigDecimal remaining = oracleBalance(current, lastChange);
        assertThat(paid.subtract(consumed).subtract(remaining).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(changeTimes.size())));
    }

    @Property(tries = 300)
    void billingBalanceNeverExceedsThePriceNorGoesBelowZero(@ForAll("terms") List<Term> terms,
                                                           @ForAll @IntRange(min = 0, max = 1000) int permille) {
        Instant at = instantWithin(terms, permille);
        Money total = terms.stream().map(Term::price).reduce(Money.ZERO, Money::plus);

        Money balance = Proration.billingBalance(terms, at);

        assertThat(balance.signum()).isGreaterThanOrEqualTo(0);
        assertThat(balance).isLessThanOrEqualTo(total);
    }

    @Provide
    Arbitrary<List<Term>> terms() {
        Arbitrary<Integer> months = Arbitraries.integers().between(1, 36);
        Arbitrary<Long> startOffset = Arbitraries.longs().between(0, 3L * 365 * 86_400);
        return Combinators.combine(startOffset, months.list().ofMinSize(1).ofMaxSize(3), prices().list().ofSize(3))
                .as((offset, monthsList, priceList) -> {
                    List<Term> terms = new ArrayList<>();
                    Instant start = BASE.plusSeconds(offset);
                    for (int i = 0; i < monthsList.size(); i++) {
                        int m = monthsList.get(i);
                        Instant end = start.atZone(ZoneOffset.UTC).plusMonths(m).toInstant();
                        ResourcePackage pkg = Packages.pkg(2_500_000, 5, priceList.get(i).toPlainString());
                        terms.add(new Term(start, end, m, pkg, pkg.priceFor(m)));
                        start = end;
                    }
                    return terms;
                });
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50000.00")).ofScale(2);
    }

    private static Instant instantWithin(List<Term> terms, int permille) {
        long from = terms.get(0).start().getEpochSecond() - 86_400;
        long to = terms.get(terms.size() - 1).end().getEpochSecond() + 86_400;
        return Instant.ofEpochSecond(from + (to - from) * permille / 1000);
    }

    private static BigDecimal oracleBalance(List<Term> terms, Instant at) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term term : terms) {
            sum = sum.add(fraction(term.price(), term.remainingSeconds(at), term.totalSeconds()));
        }
        return sum;
    }

    private static BigDecimal fraction(Money price, long remaining, long total) {
        return price.amount().multiply(BigDecimal.valueOf(remaining)).divide(BigDecimal.valueOf(total), ORACLE);
    }
}
