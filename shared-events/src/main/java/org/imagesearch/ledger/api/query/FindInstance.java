package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;
import java.util.Objects;

/**
 * The entitlements and balance of one instance: now, from the read model, or as of a past instant
 * ({@code asOf} not null), computed from the event store. Answers {@link InstanceView}, if the
 * instance existed then.
 */
public record FindInstance(InstanceId instanceId, Instant asOf) {

    public FindInstance {
        Objects.requireNonNull(instanceId, "instanceId");
    }

    public static FindInstance now(InstanceId instanceId) {
        return new FindInstance(instanceId, null);
    }
}
