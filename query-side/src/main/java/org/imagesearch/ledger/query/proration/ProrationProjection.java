package org.imagesearch.ledger.query.proration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.query.FindProrations;
import org.imagesearch.ledger.api.query.Prorations;
import org.imagesearch.ledger.query.progress.Positions;
import org.springframework.stereotype.Component;

/** Proration differences: one row per package change, with its inputs and result. */
@Component
@ProcessingGroup(ProrationProjection.PROCESSING_GROUP)
public class ProrationProjection {

    public static final String PROCESSING_GROUP = "prorations";

    private final ProrationRepository prorations;

    public ProrationProjection(ProrationRepository prorations) {
        this.prorations = prorations;
    }

    @EventHandler
    void on(PackageChanged event, TrackingToken token) {
        prorations.add(Prorations.Row.of(event, Positions.of(token)));
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
