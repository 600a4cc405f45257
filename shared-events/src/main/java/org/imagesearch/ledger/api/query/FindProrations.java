package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.instance.InstanceId;

import java.util.Objects;

/** Every package change of one instance with its inputs and result. Answers {@link Prorations}. */
public record FindProrations(InstanceId instanceId) {

    public FindProrations {
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
