package org.imagesearch.ledger.command.quote;

import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.QuoteId;

import java.time.Instant;
import java.util.Optional;

/** Where the offered custom quotes are found by id. */
@FunctionalInterface
public interface QuoteLookup {

    /** A quote as the command side prices with it. */
    record Entry(QuoteId quoteId, CustomerId customerId, ResourcePackage resourcePackage, Instant validUntil) {

        public static Entry of(CustomQuoteOffered offered) {
            return new Entry(offered.quoteId(), offered.customerId(), offered.resourcePackage(),
                    offered.validUntil());
        }
    }

    Optional<Entry> find(QuoteId quoteId);
}
