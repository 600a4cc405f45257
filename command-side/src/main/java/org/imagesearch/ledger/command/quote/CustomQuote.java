package org.imagesearch.ledger.command.quote;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.OfferCustomQuote;
import org.imagesearch.ledger.api.quote.QuoteId;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A package beyond the catalog, offered to one customer at a monthly price until a date (seed:
 * "larger than the largest package ... custom quote"). Within the catalog, the catalog's prices apply.
 */
@Aggregate(commandTargetResolver = "commandTargets")
public class CustomQuote {

    @AggregateIdentifier
    private QuoteId quoteId;

    protected CustomQuote() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CustomQuoteOffered handle(OfferCustomQuote command, PackageOffers offers, Clock clock) {
        Instant now = clock.instant();
        ResourcePackage offered = new ResourcePackage(command.size().images(), command.size().qps(),
                command.deleteQps(), command.monthlyPrice(), ResourcePackage.QUOTE_OFFER + command.quoteId().value());
        if (!offers.beyondCatalog(offered)) {
            throw new LedgerRejection(RejectionCode.QUOTE_WITHIN_CATALOG, "A custom quote goes beyond the catalog"
                    + " (more than " + offers.catalog().maxImages() + " images or " + offers.catalog().maxQps()
                    + " QPS); " + command.size() + " is the catalog's to price");
        }
        if (!command.validUntil().isAfter(now)) {
            throw LedgerRejection.validation("validUntil must be later than now (" + now + ")");
        }
        CustomQuoteOffered event = new CustomQuoteOffered(command.quoteId(), command.customerId(), offered,
                command.validUntil(), now);
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(CustomQuoteOffered event) {
        quoteId = event.quoteId();
    }
}
