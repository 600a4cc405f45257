package org.imagesearch.ledger.api.billing;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.imagesearch.ledger.api.error.LedgerRejection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of US dollars with two decimal places, never a binary fraction.
 * In JSON it reads {@code {"amount": "3290.00", "currency": "USD"}}.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency)
        implements Comparable<Money> {

    public static final String USD = "USD";
    public static final int SCALE = 2;
    public static final Money ZERO = new Money(BigDecimal.ZERO, USD);
    /** The largest amount a caller may name: a custom quote's monthly price, or one payment. */
    public static final Money MAX_INPUT = new Money(new BigDecimal("1000000000.00"), USD);

    public Money {
        if (amount == null) {
            throw LedgerRejection.validation("amount is required");
        }
        if (!USD.equals(currency)) {
            throw LedgerRejection.validation("currency must be USD");
        }
        try {
            amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw LedgerRejection.validation("amount has at most 2 decimal places");
        }
    }

    public static Money usd(String amount) {
        try {
            return new Money(new BigDecimal(amount), USD);
        } catch (NumberFormatException e) {
            throw LedgerRejection.validation("amount must be a decimal number");
        }
    }

    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    public static Money ofCents(BigInteger cents) {
        return new Money(new BigDecimal(cents, SCALE), USD);
    }

    public static Money ofCents(long cents) {
        return ofCents(BigInteger.valueOf(cents));
    }

    /** This amount in whole cents. */
    public BigInteger cents() {
        return amount.movePointRight(SCALE).toBigIntegerExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount), USD);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount), USD);
    }

    public Money negate() {
        return new Money(amount.negate(), USD);
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), USD);
    }

    public int signum() {
        return amount.signum();
    }

    /**
     * This amount, if it is more than zero and at most {@link #MAX_INPUT}; otherwise a refusal naming
     * {@code field}.
     */
    public Money requirePositiveInput(String field) {
        if (signum() <= 0 || compareTo(MAX_INPUT) > 0) {
            throw LedgerRejection.validation(field + " must be more than 0.00 and at most " + MAX_INPUT.amount());
        }
        return this;
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amount.equals(other.amount) && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
