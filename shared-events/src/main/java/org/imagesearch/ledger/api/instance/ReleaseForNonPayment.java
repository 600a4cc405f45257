package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the ledger when a receivable of this instance defaulted: release it. An instance already
 * released stays as it is.
 */
public record ReleaseForNonPayment(@TargetAggregateIdentifier InstanceId instanceId, String receivableId) {
}
