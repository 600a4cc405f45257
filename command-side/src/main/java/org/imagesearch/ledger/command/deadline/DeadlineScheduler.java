package org.imagesearch.ledger.command.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.QuotaExhausted;

/**
 * Keeps {@link DeadlineStore} equal to each instance's next deadline. It runs in a subscribing
 * processor, inside the transaction that appends the events, and its errors propagate: an event is
 * never stored without its deadline, nor a deadline without its event.
 */
@ProcessingGroup(DeadlineScheduler.PROCESSING_GROUP)
public class DeadlineScheduler {

    public static final String PROCESSING_GROUP = "deadline-schedule";

    private final DeadlineStore store;

    public DeadlineScheduler(DeadlineStore store) {
        this.store = store;
    }

    /** A purchase creates its instance, so there is no row to update yet: one insert, not an update and an insert. */
    @EventHandler
    void on(PackagePurchased event) {
        store.scheduleFirst(event.instanceId(), event.term().end());
    }

    /** A renewal's term is always the last one, so its end is the new period end. */
    @EventHandler
    void on(PackageRenewed event) {
        store.schedule(event.instanceId(), event.term().end());
    }

    @EventHandler
    void on(QuotaExhausted event) {
        store.schedule(event.instanceId(), event.releaseAt());
    }

    @EventHandler
    void on(InstanceReleased event) {
        store.clear(event.instanceId());
    }
}
