package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Proration;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.ExhaustionTrigger;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.InstanceState;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.imagesearch.ledger.api.instance.ReleaseReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that decide on an existing instance. Each decision takes the instance's state and
 * returns the event it would record, or refuses; nothing here changes state. Each assumes that the
 * deadlines due by {@code now} have been applied first ({@link #dueEvents}).
 */
public final class InstanceRules {

    static final String TERM_ENDED_REASON = "the last prepaid term ended without a renewal";

    private final BillingCalendar calendar;

    public InstanceRules(BillingCalendar calendar) {
        this.calendar = calendar;
    }

    // ---- deadlines

    /**
     * The events of every deadline due by {@code now}, in order: the automatic exhaustion at the end
     * of the last term, then the release. Each is dated at its deadline, not at {@code now}.
     */
    public List<Object> dueEvents(InstanceSnapshot instance, Instant now) {
        List<Object> due = new ArrayList<>();
        InstanceSnapshot current = instance;
        Optional<Object> next;
        while ((next = nextDueEvent(current, now)).isPresent()) {
            due.add(next.get());
            current = current.evolve(next.get());
        }
        return due;
    }

    /** The state with every deadline due by {@code now} applied; quotes decide on this without recording. */
    public InstanceSnapshot afterDeadlinesDueBy(InstanceSnapshot instance, Instant now) {
        InstanceSnapshot current = instance;
        for (Object event : dueEvents(instance, now)) {
            current = current.evolve(event);
        }
        return current;
    }

    private Optional<Object> nextDueEvent(InstanceSnapshot instance, Instant now) {
        Optional<Instant> deadline = instance.nextDeadline();
        if (deadline.isEmpty() || now.isBefore(deadline.get())) {
            return Optional.empty();
        }
        Instant at = deadline.get();
        if (instance.state() == InstanceState.ACTIVE) {
            return Optional.of(exhaustion(instance, ExhaustionTrigger.TERM_ENDED, TERM_ENDED_REASON, at));
        }
        return Optional.of(new InstanceReleased(instance.instanceId(), instance.customerId(), at,
                ReleaseReason.RETENTION_ENDED));
    }

    // ---- decisions

    /**
     * Upgrade or downgrade now; the terms keep their dates, the difference of balances is due. A
     * trial may change to the paid package of its own size: that ends the trial at 300.00 × R/T.
     */
    public PackageChanged changePackage(InstanceSnapshot instance, PackageRef ref, Offers offers, Instant now) {
        requireNotReleased(instance);
        if (instance.state() != InstanceState.ACTIVE) {
            throw new LedgerRejection(RejectionCode.INSTANCE_NOT_ACTIVE, "Instance " + instance.instanceId()
                    + " is " + instance.state() + "; only an active instance can change its package");
        }
        ResourcePackage from = instance.packageAt(now);
        if (from.ref().equals(ref) && !instance.trial()) {
            throw new LedgerRejection(RejectionCode.SAME_PACKAGE,
                    "Instance " + instance.instanceId() + " already has the package " + ref);
        }
        ResourcePackage to = offers.resolve(ref);
        List<TermProration> prorations = Proration.packageChange(instance.terms(), now, to);
        Money amount = Proration.amountDue(prorations);
        return new PackageChanged(instance.instanceId(), instance.customerId(), from, to, ChangeDirection.of(amount),
                now, prorations, Proration.ROUNDING, amount);
    }

    /**
     * Buy {@code months} more: after the last term of an active instance, or from now on a retained
     * one, which is active again. Without {@code newPackage}, the package of the last term (or the one
     * kept by a retained instance) continues. Either way the price is today's offer for it: the
     * catalog's, or a custom quote's while it is valid.
     */
    public PackageRenewed renew(InstanceSnapshot instance, int months, Optional<PackageRef> newPackage,
                                Offers offers, Instant now) {
        requireNotReleased(instance);
        if (instance.trial()) {
            throw new LedgerRejection(RejectionCode.TRIAL_NOT_RENEWABLE,
                    "Instance " + instance.instanceId() + " is a trial; upgrade it first to keep it");
        }
        boolean reactivates = instance.state() == InstanceState.RETAINED;
        ResourcePackage resourcePackage = offers.resolve(newPackage.orElseGet(() -> reactivates
                ? instance.retainedPackage().ref() : instance.lastTerm().resourcePackage().ref()));
        Instant start = reactivates ? now : instance.periodEnd();
        Money price = resourcePackage.priceFor(months);
        Term term = new Term(start, calendar.plusMonths(start, months), months, resourcePackage, price);
        return new PackageRenewed(instance.instanceId(), instance.customerId(), term, price, now, reactivates);
    }

    /** Empty when the quota has already run out: a second exhaustion changes nothing. */
    public Optional<QuotaExhausted> exhaustQuota(InstanceSnapshot instance, String reason, Instant now) {
        requireNotReleased(instance);
        if (instance.state() == InstanceState.RETAINED) {
            return Optional.empty();
        }
        return Optional.of(exhaustion(instance, ExhaustionTrigger.REQUESTED, reason, now));
    }

    /** A charge for the instance stayed unpaid too long: it is released now, unless it already is. */
    public Optional<InstanceReleased> releaseForNonPayment(InstanceSnapshot instance, Instant now) {
        if (instance.state() == InstanceState.RELEASED) {
            return Optional.empty();
        }
        return Optional.of(new InstanceReleased(instance.instanceId(), instance.customerId(), now,
                ReleaseReason.PAYMENT_OVERDUE));
    }

    private QuotaExhausted exhaustion(InstanceSnapshot instance, ExhaustionTrigger trigger, String reason,
                                      Instant at) {
        return new QuotaExhausted(instance.instanceId(), instance.customerId(), trigger, reason, at,
                calendar.releaseAfterRetention(at), instance.packageAt(at), instance.billingBalance(at));
    }

    private static void requireNotReleased(InstanceSnapshot instance) {
        if (instance.state() == InstanceState.RELEASED) {
            throw new LedgerRejection(RejectionCode.INSTANCE_RELEASED,
                    "Instance " + instance.instanceId() + " is released");
        }
    }
}
