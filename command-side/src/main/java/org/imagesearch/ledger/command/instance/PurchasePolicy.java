package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PurchasePackage;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.imagesearch.ledger.command.quote.PackageOffers;

import java.time.Instant;

/**
 * The rules of a purchase: the package comes from the catalog or one of the customer's valid custom
 * quotes; a trial is only the catalog's trial package, at 0.00, once per customer; and a customer buys
 * at most once per calendar month. Used by the purchase itself and by its quote, so both always agree.
 */
public class PurchasePolicy {

    private final PackageOffers offers;
    private final PurchaseLimits limits;
    private final BillingCalendar calendar;

    public PurchasePolicy(PackageOffers offers, PurchaseLimits limits, BillingCalendar calendar) {
        this.offers = offers;
        this.limits = limits;
        this.calendar = calendar;
    }

    /** The purchase this command would record at {@code now}, after every rule but the set-based ones. */
    public PackagePurchased price(PurchasePackage command, Instant now) {
        Catalog catalog = offers.catalog();
        PackageRef ref = command.resourcePackage();
        if (command.trial() && (ref.isQuote() || !catalog.isTrialPackage(ref.size()))) {
            throw LedgerRejection.validation("trial applies only to the " + catalog.trialSize() + " package");
        }
        ResourcePackage resourcePackage = offers.forCustomer(command.customerId(), now).resolve(ref);
        int months = command.trial() ? catalog.trialMonths() : 1;
        Money price = command.trial() ? Money.ZERO : resourcePackage.priceFor(months);
        Term term = new Term(now, calendar.plusMonths(now, months), months, resourcePackage, price);
        return new PackagePurchased(command.instanceId(), command.customerId(), resourcePackage, command.trial(),
                term, price, now);
    }

    /** What {@link #purchase} would record, checking the set-based rules without claiming anything. */
    public PackagePurchased quote(PurchasePackage command, Instant now) {
        PackagePurchased purchase = price(command, now);
        limits.check(command.customerId(), calendar.monthOf(now), command.trial());
        return purchase;
    }

    /** Decides the purchase and claims its place under the set-based rules. */
    public PackagePurchased purchase(PurchasePackage command, Instant now) {
        PackagePurchased purchase = price(command, now);
        limits.claim(command.customerId(), calendar.monthOf(now), command.trial(), command.instanceId());
        return purchase;
    }
}
