package org.imagesearch.ledger.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.billing.Money;

import java.util.Objects;

/** The customer paid {@code amount} (positive); {@code reference} makes it idempotent. */
public record RecordPayment(@TargetAggregateIdentifier AccountId accountId, String reference, Money amount) {

    public RecordPayment {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        amount.requirePositiveInput("amount");
    }
}
