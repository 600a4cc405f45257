package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a customer's account events say: its receivables (oldest first), the credit it holds, what it
 * has paid, and the payment references and credits already counted. The account aggregate decides
 * on it, the read model and as-of views fold the same events through {@link #evolve(Object)}.
 */
public record AccountSnapshot(CustomerId customerId, List<Receivable> receivables, Money credit, Money paid,
                              Map<String, Money> payments, Set<String> credits) {

    /**
     * One charge owed: what is left of it, when it is due, and how far the ledger has gone about it.
     * {@code releaseAt} is set once a {@link PaymentOverdue} notice gave it.
     */
    public record Receivable(String receivableId, InstanceId instanceId, Money amount, Money remaining,
                             Instant chargedAt, Instant dueAt, Instant releaseAt, boolean defaulted) {

        public boolean open() {
            return remaining.signum() > 0;
        }

        public boolean overdueNoticed() {
            return releaseAt != null;
        }

        Receivable settle(Money part) {
            return new Receivable(receivableId, instanceId, amount, remaining.minus(part), chargedAt, dueAt,
                    releaseAt, defaulted);
        }

        Receivable noticed(Instant releaseAt) {
            return new Receivable(receivableId, instanceId, amount, remaining, chargedAt, dueAt, releaseAt,
                    defaulted);
        }

        Receivable markDefaulted() {
            return new Receivable(receivableId, instanceId, amount, remaining, chargedAt, dueAt, releaseAt, true);
        }
    }

    public AccountSnapshot {
        receivables = List.copyOf(receivables);
        payments = Map.copyOf(payments);
        credits = Set.copyOf(credits);
    }

    public static AccountSnapshot empty(CustomerId customerId) {
        return new AccountSnapshot(customerId, List.of(), Money.ZERO, Money.ZERO, Map.of(), Set.of());
    }

    /** Folds a whole history of one account. */
    public static AccountSnapshot replay(CustomerId customerId, List<?> events) {
        AccountSnapshot snapshot = empty(customerId);
        for (Object event : events) {
            snapshot = snapshot.evolve(event);
        }
        return snapshot;
    }

    /** What is still owed. */
    public Money outstanding() {
        return receivables.stream().map(Receivable::remaining).reduce(Money.ZERO, Money::plus);
    }

    public boolean knowsReceivable(String receivableId) {
        return receivables.stream().anyMatch(receivable -> receivable.receivableId().equals(receivableId));
    }

    /** How {@code amount} would settle the open receivables, oldest first; what is left over is not allocated. */
    public List<Allocation> allocate(Money amount) {
        List<Allocation> allocations = new ArrayList<>();
        Money left = amount;
        for (Receivable receivable : receivables.stream().filter(Receivable::open)
                .sorted(Comparator.comparing(Receivable::chargedAt).thenComparing(Receivable::receivableId)).toList()) {
            if (left.signum() <= 0) {
                break;
            }
            Money part = receivable.remaining().compareTo(left) <= 0 ? receivable.remaining() : left;
            allocations.add(new Allocation(receivable.receivableId(), receivable.instanceId(), part,
                    receivable.remaining().minus(part)));
            left = left.minus(part);
        }
        return List.copyOf(allocations);
    }

    public static Money total(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::amount).reduce(Money.ZERO, Money::plus);
    }

    public AccountSnapshot evolve(Object event) {
        if (event instanceof ReceivableOpened opened) {
            List<Receivable> more = new ArrayList<>(receivables);
            Money settled = total(opened.allocations());
            more.add(new Receivable(opened.receivableId(), opened.instanceId(), opened.amount(),
                    opened.amount().minus(settled), opened.chargedAt(), opened.dueAt(), null, false));
            return new AccountSnapshot(customerId, more, credit.minus(settled), paid, payments, credits);
        } else if (event instanceof PaymentReceived payment) {
            Map<String, Money> morePayments = new HashMap<>(payments);
            morePayments.put(payment.reference(), payment.amount());
            return new AccountSnapshot(customerId, settled(payment.allocations()), credit.plus(payment.toCredit()),
                    paid.plus(payment.amount()), morePayments, credits);
        } else if (event instanceof CreditGranted granted) {
            Set<String> moreCredits = new TreeSet<>(credits);
            moreCredits.add(granted.creditId());
            return new AccountSnapshot(customerId, settled(granted.allocations()), credit.plus(granted.toCredit()),
                    paid, payments, moreCredits);
        } else if (event instanceof PaymentOverdue overdue) {
            return with(overdue.receivableId(), receivable -> receivable.noticed(overdue.releaseAt()));
        } else if (event instanceof ReceivableDefaulted defaulted) {
            return with(defaulted.receivableId(), Receivable::markDefaulted);
        }
        throw new IllegalArgumentException("Not an event of an account: " + event);
    }

    private List<Receivable> settled(List<Allocation> allocations) {
        Map<String, Money> parts = new HashMap<>();
        allocations.forEach(a -> parts.merge(a.receivableId(), a.amount(), Money::plus));
        return receivables.stream()
                .map(r -> parts.containsKey(r.receivableId()) ? r.settle(parts.get(r.receivableId())) : r)
                .toList();
    }

    private AccountSnapshot with(String receivableId, UnaryOperator<Receivable> change) {
        return new AccountSnapshot(customerId, receivables.stream()
                .map(r -> r.receivableId().equals(receivableId) ? change.apply(r) : r).toList(),
                credit, paid, payments, credits);
    }
}
