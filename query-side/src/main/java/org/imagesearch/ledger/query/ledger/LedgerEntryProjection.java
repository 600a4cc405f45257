package org.imagesearch.ledger.query.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.imagesearch.ledger.query.progress.Positions;
import org.springframework.stereotype.Component;

/** Ledger entries: every purchase, trial, upgrade, downgrade and renewal, with its signed amount. */
@Component
@ProcessingGroup(LedgerEntryProjection.PROCESSING_GROUP)
public class LedgerEntryProjection {

    public static final String PROCESSING_GROUP = "ledger-entries";

    private final LedgerEntryRepository entries;

    public LedgerEntryProjection(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(PackagePurchased event, TrackingToken token) {
        record(event, token);
    }

    @EventHandler
    void on(PackageChanged event, TrackingToken token) {
        record(event, token);
    }

    @EventHandler
    void on(PackageRenewed event, TrackingToken token) {
        record(event, token);
    }

    private void record(Object event, TrackingToken token) {
        LedgerEntry.of(event, Positions.of(token)).ifPresent(entries::add);
    }

    @ResetHandler
    void reset() {
        entries.deleteAll();
    }
}
