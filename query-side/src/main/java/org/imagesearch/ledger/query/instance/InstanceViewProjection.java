package org.imagesearch.ledger.query.instance;

import org.imagesearch.ledger.query.progress.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.springframework.stereotype.Component;

/**
 * Entitlements: each instance's snapshot, kept by folding its events through
 * {@link InstanceSnapshot#evolve}, the same function the aggregate and the as-of views use.
 */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class InstanceViewProjection {

    private final InstanceViewRepository views;

    public InstanceViewProjection(InstanceViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(PackagePurchased event) {
        views.add(InstanceSnapshot.of(event));
    }

    @EventHandler
    void on(PackageChanged event) {
        evolve(event.instanceId(), event);
    }

    @EventHandler
    void on(PackageRenewed event) {
        evolve(event.instanceId(), event);
    }

    @EventHandler
    void on(QuotaExhausted event) {
        evolve(event.instanceId(), event);
    }

    @EventHandler
    void on(InstanceReleased event) {
        evolve(event.instanceId(), event);
    }

    private void evolve(InstanceId instanceId, Object event) {
        InstanceSnapshot current = views.find(instanceId)
                .orElseThrow(() -> new IllegalStateException("No purchase projected for instance " + instanceId));
        views.replace(current.evolve(event));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
