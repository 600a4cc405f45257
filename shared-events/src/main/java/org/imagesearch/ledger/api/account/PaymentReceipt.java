package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;
import java.util.List;

/** What recording a payment answers: how it was allocated, and the account after it. */
public record PaymentReceipt(CustomerId customerId, String reference, Money amount, Instant receivedAt,
                             List<Allocation> allocations, Money toCredit, Money outstanding, Money creditBalance) {
}
