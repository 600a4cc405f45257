package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.customer.CustomerId;

/** The notices sent about a customer's instances and account, oldest first. Answers {@link Notifications}. */
public record FindNotifications(CustomerId customerId) {
}
