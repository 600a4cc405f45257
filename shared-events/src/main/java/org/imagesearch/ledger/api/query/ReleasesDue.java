package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;
import java.util.List;

/** Retained instances, earliest release first. */
public record ReleasesDue(List<Item> items) {

    public record Item(InstanceId instanceId, CustomerId customerId, Instant releaseAt) {
    }
}
