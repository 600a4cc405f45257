package org.imagesearch.ledger.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.imagesearch.ledger.api.customer.CustomerId;

/**
 * A customer's account of receivables, payments and credit. Its aggregate identifier is
 * {@code account:<customerId>}, which no instance or quote id can be (they have no colon).
 */
public record AccountId(@JsonValue CustomerId customerId) {

    public static final String PREFIX = "account:";

    @JsonCreator
    public AccountId {
        java.util.Objects.requireNonNull(customerId, "customerId");
    }

    public static AccountId of(CustomerId customerId) {
        return new AccountId(customerId);
    }

    @Override
    public String toString() {
        return PREFIX + customerId.value();
    }
}
