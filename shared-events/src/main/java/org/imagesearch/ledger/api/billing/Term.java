package org.imagesearch.ledger.api.billing;

import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A prepaid stretch of time {@code [start, end)} of {@code months} calendar months, with the package
 * that applies during it and the price recorded for it. After a package change the price is the
 * new package's price for the whole term, so "value of the remaining time = price × R / T" holds.
 */
public record Term(Instant start, Instant end, int months, ResourcePackage resourcePackage, Money price) {

    public Term {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(resourcePackage, "resourcePackage");
        Objects.requireNonNull(price, "price");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A term ends after it starts: " + start + " / " + end);
        }
        if (months < 1) {
            throw new IllegalArgumentException("A term lasts at least one month");
        }
    }

    /** T: the length of the term in seconds. */
    public long totalSeconds() {
        return Duration.between(start, end).getSeconds();
    }

    /** R: the seconds of the term left at {@code at}, or 0 once it has ended. */
    public long remainingSeconds(Instant at) {
        if (!at.isBefore(end)) {
            return 0;
        }
        Instant from = at.isAfter(start) ? at : start;
        return Duration.between(from, end).getSeconds();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    public boolean endsAfter(Instant at) {
        return end.isAfter(at);
    }

    public Term repriced(ResourcePackage newPackage, Money newPrice) {
        return new Term(start, end, months, newPackage, newPrice);
    }

    /** This term cut short at {@code at}, which must lie inside it. */
    public Term endingAt(Instant at) {
        return new Term(start, at, months, resourcePackage, price);
    }
}
