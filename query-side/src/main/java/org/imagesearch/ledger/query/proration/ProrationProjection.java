package org.imagesearch.ledger.query.proration;

import org.imagesearch.ledger.query.progress.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.query.FindProrations;
import org.imagesearch.ledger.api.query.Prorations;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.springframework.stereotype.Component;

/** Proration differences: one row per package change, with its inputs and result. */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class ProrationProjection {

    private final ProrationRepository prorations;

    public ProrationProjection(ProrationRepository prorations) {
        this.prorations = prorations;
    }

    /** The position is read from the event store as the row is written: see {@link ProrationRepository}. */
    @EventHandler
    void on(PackageChanged event, @MessageIdentifier String eventId) {
        prorations.add(eventId, Prorations.Row.of(event, LedgerEntry.UNKNOWN_POSITION));
    }

    @ResetHandler
    void reset() {
        prorations.deleteAll();
    }

    @QueryHandler
    public Prorations handle(FindProrations query) {
        return new Prorations(prorations.ofInstance(query.instanceId()));
    }
}
