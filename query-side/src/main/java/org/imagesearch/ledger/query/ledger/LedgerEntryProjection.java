package org.imagesearch.ledger.query.ledger;

import org.imagesearch.ledger.query.progress.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.springframework.stereotype.Component;

/** Ledger entries: every purchase, trial, upgrade, downgrade and renewal, with its signed amount. */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class LedgerEntryProjection {

    private final LedgerEntryRepository entries;

    public LedgerEntryProjection(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(PackagePurchased event, @MessageIdentifier String eventId) {
        record(event, eventId);
    }

    @EventHandler
    void on(PackageChanged event, @MessageIdentifier String eventId) {
        record(event, eventId);
    }

    @EventHandler
    void on(PackageRenewed event, @MessageIdentifier String eventId) {
        record(event, eventId);
    }

    /** The position is read from the event store as the row is written: see {@link LedgerEntryRepository}. */
    private void record(Object event, String eventId) {
        LedgerEntry.of(event, LedgerEntry.UNKNOWN_POSITION).ifPresent(entry -> entries.add(eventId, entry));
    }

    @ResetHandler
    void reset() {
        entries.deleteAll();
    }
}
