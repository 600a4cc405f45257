package org.imagesearch.ledger.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;

/**
 * Sent by the ledger when payments are on: a downgrade credited {@code amount} (positive). The
 * {@code creditId} is the downgrade's event id, so sending it twice credits once.
 */
public record GrantCredit(@TargetAggregateIdentifier AccountId accountId, String creditId, InstanceId instanceId,
                          Money amount, Instant grantedAt) {
}
