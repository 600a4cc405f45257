package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Mark the package's quota as used up: the instance is retained for 15 days, then released. */
public record ExhaustQuota(@TargetAggregateIdentifier InstanceId instanceId, String reason) {

    public static final String DEFAULT_REASON = "quota used up";

    public ExhaustQuota {
        Objects.requireNonNull(instanceId, "instanceId");
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
    }
}
