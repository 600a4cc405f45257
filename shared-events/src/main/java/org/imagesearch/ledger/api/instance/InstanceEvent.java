package org.imagesearch.ledger.api.instance;

import org.imagesearch.ledger.api.LedgerEvent;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/**
 * What every event of an instance's life tells: whose instance, and when it happened by the
 * business clock. {@code occurredAt} is when the fact took effect: a deadline's events are dated at
 * the deadline even when the ledger records them later. An instance's events never go back in
 * {@code occurredAt}, so "as of" an instant means the events that occurred by then.
 */
public interface InstanceEvent extends LedgerEvent {

    InstanceId instanceId();

    @Override
    CustomerId customerId();

    @Override
    Instant occurredAt();
}
