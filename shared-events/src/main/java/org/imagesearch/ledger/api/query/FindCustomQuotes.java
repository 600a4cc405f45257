package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.customer.CustomerId;

/** The custom quotes offered to a customer, with their status now. Answers {@link CustomQuotes}. */
public record FindCustomQuotes(CustomerId customerId) {
}
