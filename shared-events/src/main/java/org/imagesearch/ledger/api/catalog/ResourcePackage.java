package org.imagesearch.ledger.api.catalog;

import org.imagesearch.ledger.api.billing.Money;

import java.util.Objects;

/**
 * A package as it was offered when it was bought or changed to: its size, the delete QPS quota,
 * the monthly price, and where the offer came from ({@code catalog:<version>} or
 * {@code custom-quote:<id>}). Events record the whole offer, so history never needs today's
 * catalog.
 */
public record ResourcePackage(long images, int qps, int deleteQps, Money monthlyPrice, String offer) {

    public ResourcePackage {
        new PackageSize(images, qps);
        if (deleteQps <= 0) {
            throw new IllegalArgumentException("deleteQps must be positive");
        }
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        Objects.requireNonNull(offer, "offer");
        if (monthlyPrice.isNegative()) {
            throw new IllegalArgumentException("monthlyPrice must not be negative");
        }
    }

    public PackageSize size() {
        return new PackageSize(images, qps);
    }

    /** The price of {@code months} consecutive months of this package. */
    public Money priceFor(int months) {
        return monthlyPrice.times(months);
    }
}
