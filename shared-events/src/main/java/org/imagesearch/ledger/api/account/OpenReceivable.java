package org.imagesearch.ledger.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;

/**
 * Sent by the ledger when payments are on: a charge is owed. {@code receivableId} is the charge's
 * event id, so sending it twice opens one receivable.
 */
public record OpenReceivable(@TargetAggregateIdentifier AccountId accountId, String receivableId, InstanceId instanceId,
                             Money amount, Instant chargedAt) {
}
