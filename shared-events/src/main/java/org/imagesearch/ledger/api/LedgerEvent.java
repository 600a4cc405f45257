package org.imagesearch.ledger.api;

import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/**
 * What every event of the ledger tells: whose it is, and when the fact took effect by the business
 * clock. "As of" an instant means the events that occurred by then (the message timestamp is only
 * when the ledger recorded it).
 */
public interface LedgerEvent {

    CustomerId customerId();

    Instant occurredAt();
}
