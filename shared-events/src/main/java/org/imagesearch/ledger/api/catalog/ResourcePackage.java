package org.imagesearch.ledger.api.catalog;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.quote.QuoteId;

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

    /** The offer of catalog packages starts with this. */
    public static final String CATALOG_OFFER = "catalog:";
    /** The offer of a custom quote's package starts with this. */
    public static final String QUOTE_OFFER = "custom-quote:";

    public PackageSize size() {
        return new PackageSize(images, qps);
    }

    /** How to ask for this package again: its size, or its quote. */
    public PackageRef ref() {
        return offer.startsWith(QUOTE_OFFER) ? PackageRef.of(new QuoteId(offer.substring(QUOTE_OFFER.length())))
                : PackageRef.of(size());
    }

    /**
     * Whether {@code other} is the same package: the same size from the catalog (whatever the
     * catalog's version), or the very same custom quote.
     */
    public boolean isSamePackageAs(ResourcePackage other) {
        return size().equals(other.size()) && ref().equals(other.ref());
    }

    /** The price of {@code months} consecutive months of this package. */
    public Money priceFor(int months) {
        return monthlyPrice.times(months);
    }
}
