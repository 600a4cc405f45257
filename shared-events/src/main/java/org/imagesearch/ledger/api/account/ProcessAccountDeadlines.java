package org.imagesearch.ledger.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the ledger itself: give notice of overdue receivables, and default those unpaid too long. */
public record ProcessAccountDeadlines(@TargetAggregateIdentifier AccountId accountId) {
}
