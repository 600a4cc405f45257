package org.imagesearch.ledger.command.quote;

import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.imagesearch.ledger.command.instance.Offers;

import java.time.Instant;

/** What each customer can buy: the catalog for everyone, and a custom quote for the customer it was offered to. */
public class PackageOffers {

    private final Catalog catalog;
    private final QuoteLookup quotes;

    public PackageOffers(Catalog catalog, QuoteLookup quotes) {
        this.catalog = catalog;
        this.quotes = quotes;
    }

    /** The offers open to {@code customer} at {@code now}. */
    public Offers forCustomer(CustomerId customer, Instant now) {
        return ref -> {
            if (!ref.isQuote()) {
                return catalog.resolve(ref.size());
            }
            QuoteLookup.Entry quote = quotes.find(ref.quoteId()).orElseThrow(() ->
                    new LedgerRejection(RejectionCode.UNKNOWN_QUOTE,
                    "No custom quote " + ref.quoteId()));
            if (!quote.customerId().equals(customer)) {
                throw new LedgerRejection(RejectionCode.QUOTE_NOT_FOR_CUSTOMER,
                        "Custom quote " + ref.quoteId() + " was offered to another customer");
            }
            if (!now.isBefore(quote.validUntil())) {
                throw new LedgerRejection(RejectionCode.QUOTE_EXPIRED,
                        "Custom quote " + ref.quoteId() + " was valid until " + quote.validUntil());
            }
            return quote.resourcePackage();
        };
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Whether a package of this size is beyond everything the catalog sells, as a custom quote must be. */
    public boolean beyondCatalog(ResourcePackage pkg) {
        return pkg.images() > catalog.maxImages() || pkg.qps() > catalog.maxQps();
    }
}
