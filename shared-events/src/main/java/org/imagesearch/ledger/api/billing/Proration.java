package org.imagesearch.ledger.api.billing;

import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's money arithmetic, in one place, used both to charge and to quote.
 *
 * <ul>
 *   <li>Billing balance of a term at {@code t}: {@code price × R / T}, where {@code T = end − start}
 *   and {@code R = end − max(start, t)} in seconds ({@code R = 0} once {@code t ≥ end}).</li>
 *   <li>Package change at {@code t}: for every term with {@code end > t},
 *   {@code (P_new − P_old) × R / T}, with {@code P_new} the new monthly price × the term's months.</li>
 * </ul>
 *
 * Each calculation sums its parts as exact fractions of a cent and rounds once, at the end,
 * half-up (ties away from zero) to the cent.
 */
public final class Proration {

    /** How every calculation here rounds; recorded in events beside their inputs. */
    public static final String ROUNDING = "HALF_UP to 0.01 USD, once, over the exact sum";

    private Proration() {
    }

    /** The value of the remaining time of {@code terms} at {@code at}. */
    public static Money billingBalance(List<Term> terms, Instant at) {
        ExactSum sum = new ExactSum();
        for (Term term : terms) {
            sum.add(term.price().cents(), term.remainingSeconds(at), term.totalSeconds());
        }
        return sum.roundedToCents();
    }

    /** The per-term inputs of changing every term that has not ended at {@code at} to {@code newPackage}. */
    public static List<TermProration> packageChange(List<Term> terms, Instant at, ResourcePackage newPackage) {
        List<TermProration> rows = new ArrayList<>();
        for (Term term : terms) {
            if (term.endsAfter(at)) {
                rows.add(new TermProration(term.start(), term.end(), term.months(), term.price(),
                        newPackage.priceFor(term.months()), term.remainingSeconds(at), term.totalSeconds()));
            }
        }
        return List.copyOf(rows);
    }

    /** The amount due for recorded proration inputs: positive is a charge, negative a credit. */
    public static Money amountDue(List<TermProration> rows) {
        ExactSum sum = new ExactSum();
        for (TermProration row : rows) {
            sum.add(row.priceDifference().cents(), row.remainingSeconds(), row.totalSeconds());
        }
        return sum.roundedToCents();
    }

    /** A sum of fractions {@code cents × R / T}, kept exact until it is rounded once. */
    private static final class ExactSum {
        private BigInteger numerator = BigInteger.ZERO;
        private BigInteger denominator = BigInteger.ONE;

        void add(BigInteger cents, long remainingSeconds, long totalSeconds) {
            if (totalSeconds <= 0) {
                throw new IllegalArgumentException("A term lasts a positive number of seconds");
            }
            if (remainingSeconds == 0 || cents.signum() == 0) {
                return;
            }
            BigInteger partNumerator = cents.multiply(BigInteger.valueOf(remainingSeconds));
            BigInteger partDenominator = BigInteger.valueOf(totalSeconds);
            numerator = numerator.multiply(partDenominator).add(partNumerator.multiply(denominator));
            denominator = denominator.multiply(partDenominator);
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }

        /** Half-up to the cent: ties go away from zero, so −0.5 cent becomes −1 cent. */
        Money roundedToCents() {
            BigInteger twice = numerator.abs().shiftLeft(1).add(denominator);
            BigInteger cents = twice.divide(denominator.shiftLeft(1));
            return Money.ofCents(numerator.signum() < 0 ? cents.negate() : cents);
        }
    }
}
