package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's ledger entries, totals and instance balances: now, or as of a past instant
 * ({@code asOf} not null), computed from the event store. Answers {@link CustomerLedger}, if the
 * customer had bought anything by then.
 */
public record FindCustomerLedger(CustomerId customerId, Instant asOf) {

    public FindCustomerLedger {
        Objects.requireNonNull(customerId, "customerId");
    }
}
