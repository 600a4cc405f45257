package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Sent by the ledger itself: apply whatever deadline of the instance is due by the business clock
 * (the end of its last term, or its release). Does nothing when nothing is due, so sending it twice
 * is harmless.
 */
public record ProcessDueDeadlines(@TargetAggregateIdentifier InstanceId instanceId) {

    public ProcessDueDeadlines {
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
