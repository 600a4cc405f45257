package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.YearMonth;

/**
 * The set-based purchase rules, which no single instance can decide: one purchase per customer per
 * calendar month, and one trial per customer, ever. The store's unique keys decide races, so two
 * concurrent purchases can never both pass.
 */
public interface PurchaseLimits {

    /**
     * Refuses with {@code TRIAL_ALREADY_USED} or {@code MONTHLY_PURCHASE_LIMIT} if the purchase
     * would break a rule; changes nothing. For quotes.
     */
    void check(CustomerId customer, YearMonth month, boolean trial);

    /**
     * Records the purchase against the rules, in the transaction of the command that makes it, or
     * refuses like {@link #check}. The record is rolled back with the command if it fails later.
     */
    void claim(CustomerId customer, YearMonth month, boolean trial, InstanceId instance);
}
