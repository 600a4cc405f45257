package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.instance.InstanceId;

import java.util.Objects;

/** The entitlements and balance of one instance, now. Answers {@link InstanceView}, if the instance exists. */
public record FindInstance(InstanceId instanceId) {

    public FindInstance {
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
