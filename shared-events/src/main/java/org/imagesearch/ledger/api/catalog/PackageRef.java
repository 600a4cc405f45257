package org.imagesearch.ledger.api.catalog;

import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.quote.QuoteId;

/**
 * Which package a command asks for: a size from the catalog, or a custom quote. Exactly one of the
 * two is given.
 */
public record PackageRef(PackageSize size, QuoteId quoteId) {

    public PackageRef {
        if ((size == null) == (quoteId == null)) {
            throw LedgerRejection.validation("give either images and qps, or a quoteId");
        }
    }

    public static PackageRef of(PackageSize size) {
        return new PackageRef(size, null);
    }

    public static PackageRef of(QuoteId quoteId) {
        return new PackageRef(null, quoteId);
    }

    public boolean isQuote() {
        return quoteId != null;
    }

    @Override
    public String toString() {
        return isQuote() ? "custom quote " + quoteId : size.toString();
    }
}
