package org.imagesearch.ledger.api.instance;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Proration;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the events of one instance say about it, at the point they have reached. This is the one
 * definition of how each event changes an instance: the aggregate decides on it, and the read
 * models and as-of views fold the same events through the same {@link #evolve(Object)}.
 *
 * <p>{@code terms} is the current run of consecutive terms, starting at {@code periodStart}: the
 * purchase and its renewals while active; cut at {@code exhaustedAt} once the quota ran out (a term
 * that had not begun is dropped, so the list may be empty); replaced by a fresh term when a
 * retained instance is renewed.
 */
public record InstanceSnapshot(InstanceId instanceId, CustomerId customerId, InstanceState state, boolean trial,
                               Instant periodStart, List<Term> terms, Instant exhaustedAt, Instant releaseAt,
                               ResourcePackage retainedPackage) {

    public InstanceSnapshot {
        terms = List.copyOf(terms);
    }

    public static InstanceSnapshot of(PackagePurchased purchased) {
        return new InstanceSnapshot(purchased.instanceId(), purchased.customerId(), InstanceState.ACTIVE,
                purchased.trial(), purchased.term().start(), List.of(purchased.term()), null, null, null);
    }

    /** Folds a whole history, which starts with the purchase. */
    public static InstanceSnapshot replay(List<?> events) {
        if (events.isEmpty() || !(events.get(0) instanceof PackagePurchased purchased)) {
            throw new IllegalArgumentException("An instance's history starts with its purchase");
        }
        InstanceSnapshot snapshot = of(purchased);
        for (Object event : events.subList(1, events.size())) {
            snapshot = snapshot.evolve(event);
        }
        return snapshot;
    }

    /** The end of the last paid term, queued renewals included; the exhaustion instant once exhausted. */
    public Instant periodEnd() {
        return state == InstanceState.ACTIVE ? lastTerm().end() : exhaustedAt;
    }

    public Term lastTerm() {
        return terms.get(terms.size() - 1);
    }

    /** The package in effect at {@code at}: that of the term running then, or the retained one. */
    public ResourcePackage packageAt(Instant at) {
        if (state != InstanceState.ACTIVE) {
            return retainedPackage;
        }
        return terms.stream().filter(term -> term.contains(at)).findFirst()
                .orElse(at.isBefore(periodStart) ? terms.get(0) : lastTerm())
                .resourcePackage();
    }

    /** The value of the prepaid time left at {@code at}. */
    public Money billingBalance(Instant at) {
        return Proration.billingBalance(terms, at);
    }

    /** The next instant at which the ledger acts on this instance by itself, if any. */
    public Optional<Instant> nextDeadline() {
        return switch (state) {
            case ACTIVE -> Optional.of(periodEnd());
            case RETAINED -> Optional.of(releaseAt);
            case RELEASED -> Optional.empty();
        };
    }

    /** The state after {@code event}, one of this instance's events that follow its purchase. */
    public InstanceSnapshot evolve(Object event) {
        if (event instanceof PackageChanged changed) {
            return changed(changed);
        } else if (event instanceof PackageRenewed renewed) {
            return renewed(renewed);
        } else if (event instanceof QuotaExhausted exhausted) {
            return exhausted(exhausted);
        } else if (event instanceof InstanceReleased released) {
            return released(released);
        }
        throw new IllegalArgumentException("Not an event that follows a purchase: " + event);
    }

    /** Every term that had not ended records the new package and price; an instance stops being a trial. */
    private InstanceSnapshot changed(PackageChanged changed) {
        Map<Instant, TermProration> byStart = changed.prorations().stream()
                .collect(Collectors.toMap(TermProration::termStart, Function.identity()));
        List<Term> repriced = terms.stream()
                .map(term -> {
                    TermProration row = byStart.get(term.start());
                    return row == null ? term : term.repriced(changed.to(), row.newPrice());
                })
                .toList();
        return new InstanceSnapshot(instanceId, customerId, state, false, periodStart, repriced, exhaustedAt,
                releaseAt, retainedPackage);
    }

    private InstanceSnapshot renewed(PackageRenewed renewed) {
        if (renewed.reactivated()) {
            return new InstanceSnapshot(instanceId, customerId, InstanceState.ACTIVE, trial, renewed.term().start(),
                    List.of(renewed.term()), null, null, null);
        }
        List<Term> extended = new ArrayList<>(terms);
        extended.add(renewed.term());
        return new InstanceSnapshot(instanceId, customerId, state, trial, periodStart, extended, exhaustedAt,
                releaseAt, retainedPackage);
    }

    /** Exhaustion ends prepaid time: every term ends at that instant, and queued ones are dropped. */
    private InstanceSnapshot exhausted(QuotaExhausted exhausted) {
        Instant at = exhausted.exhaustedAt();
        return new InstanceSnapshot(instanceId, customerId, InstanceState.RETAINED, trial, periodStart, cutAt(at), at,
                exhausted.releaseAt(), exhausted.retainedPackage());
    }

    /**
     * A retained instance is released as it stood, at its release date or (unpaid) before. An active one (released because its charges went
     * unpaid) ends its prepaid time then, as an exhaustion would, keeping the package it had.
     */
    private InstanceSnapshot released(InstanceReleased released) {
        if (state != InstanceState.ACTIVE) {
            return new InstanceSnapshot(instanceId, customerId, InstanceState.RELEASED, trial, periodStart, terms,
                    exhaustedAt, released.releasedAt(), retainedPackage);
        }
        Instant at = released.releasedAt();
        return new InstanceSnapshot(instanceId, customerId, InstanceState.RELEASED, trial, periodStart, cutAt(at), at,
                at, packageAt(at));
    }

    private List<Term> cutAt(Instant at) {
        return terms.stream()
                .filter(term -> term.start().isBefore(at))
                .map(term -> term.endsAfter(at) ? term.endingAt(at) : term)
                .toList();
    }
}
