package org.imagesearch.ledger.command.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.AccountSnapshot;
import org.imagesearch.ledger.api.account.AccountSnapshot.Receivable;
import org.imagesearch.ledger.api.account.Allocation;
import org.imagesearch.ledger.api.account.CreditGranted;
import org.imagesearch.ledger.api.account.GrantCredit;
import org.imagesearch.ledger.api.account.OpenReceivable;
import org.imagesearch.ledger.api.account.PaymentOverdue;
import org.imagesearch.ledger.api.account.PaymentReceipt;
import org.imagesearch.ledger.api.account.PaymentReceived;
import org.imagesearch.ledger.api.account.ProcessAccountDeadlines;
import org.imagesearch.ledger.api.account.ReceivableDefaulted;
import org.imagesearch.ledger.api.account.ReceivableOpened;
import org.imagesearch.ledger.api.account.RecordPayment;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.error.LedgerRejection;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's account when payments are on: every charge is a receivable, due after the payment
 * term; payments and downgrade credits settle the oldest open receivables first, and what is left
 * over is credit, which settles later receivables as they open. A receivable open at its due date
 * gets a {@link PaymentOverdue} notice; open {@code release-after} later, it defaults, and the
 * payment policy releases its instance.
 */
@Aggregate(commandTargetResolver = "commandTargets")
public class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private AccountSnapshot state;
    private final Map<String, PaymentReceipt> receipts = new HashMap<>();

    protected Account() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenReceivable command, PaymentTerms terms) {
        AccountSnapshot account = stateOf(command.accountId());
        if (account.knowsReceivable(command.receivableId())) {
            return;
        }
        Money amount = requirePositive(command.amount(), "a receivable");
        Money fromCredit = account.credit().compareTo(amount) < 0 ? account.credit() : amount;
        List<Allocation> settled = fromCredit.signum() > 0
                ? List.of(new Allocation(command.receivableId(), command.instanceId(), fromCredit,
                        amount.minus(fromCredit)))
                : List.of();
        apply(new ReceivableOpened(account.customerId(), command.receivableId(), command.instanceId(), amount,
                command.chargedAt(), terms.dueAt(command.chargedAt()), settled));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(GrantCredit command) {
        AccountSnapshot account = stateOf(command.accountId());
        if (account.credits().contains(command.creditId())) {
            return;
        }
        Money amount = requirePositive(command.amount(), "a credit");
        List<Allocation> settled = account.allocate(amount);
        apply(new CreditGranted(account.customerId(), command.creditId(), command.instanceId(), amount,
                command.grantedAt(), settled, amount.minus(AccountSnapshot.total(settled))));
    }

    /**
     * Records a payment, oldest open receivables first, the rest as credit. Its reference makes it
     * idempotent: the same payment again answers the first receipt and changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PaymentReceipt handle(RecordPayment command, PaymentReferences references, Clock clock) {
        AccountSnapshot account = stateOf(command.accountId());
        PaymentReceipt earlier = receipts.get(command.reference());
        if (earlier != null) {
            if (earlier.amount().equals(command.amount())) {
                return earlier;
            }
            throw PaymentReferences.reused(command.reference());
        }
        Money amount = command.amount();
        references.claim(command.reference(), account.customerId());
        List<Allocation> settled = account.allocate(amount);
        apply(new PaymentReceived(account.customerId(), command.reference(), amount, clock.instant(), settled,
                amount.minus(AccountSnapshot.total(settled))));
        return receipts.get(command.reference());
    }

    /** Gives notice of receivables open at their due date, and defaults those still open at their release date. */
    @CommandHandler
    public void handle(ProcessAccountDeadlines command, PaymentTerms terms, Clock clock) {
        Instant now = clock.instant();
        for (Receivable receivable : state.receivables()) {
            if (receivable.open() && !receivable.overdueNoticed() && !receivable.dueAt().isAfter(now)) {
                apply(new PaymentOverdue(state.customerId(), receivable.receivableId(), receivable.instanceId(),
                        receivable.remaining(), receivable.dueAt(), terms.releaseAt(receivable.dueAt())));
            }
        }
        for (Receivable receivable : state.receivables()) {
            if (receivable.open() && receivable.overdueNoticed() && !receivable.defaulted()
                    && !receivable.releaseAt().isAfter(now)) {
                apply(new ReceivableDefaulted(state.customerId(), receivable.receivableId(),
                        receivable.instanceId(), receivable.remaining(), now));
            }
        }
    }

    @EventSourcingHandler
    void on(ReceivableOpened event) {
        evolve(event, AccountId.of(event.customerId()));
    }

    @EventSourcingHandler
    void on(CreditGranted event) {
        evolve(event, AccountId.of(event.customerId()));
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        evolve(event, AccountId.of(event.customerId()));
        receipts.put(event.reference(), new PaymentReceipt(event.customerId(), event.reference(), event.amount(),
                event.receivedAt(), event.allocations(), event.toCredit(), state.outstanding(), state.credit()));
    }

    @EventSourcingHandler
    void on(PaymentOverdue event) {
        evolve(event, AccountId.of(event.customerId()));
    }

    @EventSourcingHandler
    void on(ReceivableDefaulted event) {
        evolve(event, AccountId.of(event.customerId()));
    }

    private void evolve(Object event, AccountId id) {
        accountId = id;
        state = stateOf(id).evolve(event);
    }

    private AccountSnapshot stateOf(AccountId id) {
        return state != null ? state : AccountSnapshot.empty(id.customerId());
    }

    private static Money requirePositive(Money amount, String what) {
        if (amount.signum() <= 0) {
            throw LedgerRejection.validation("The amount of " + what + " must be positive, not " + amount);
        }
        return amount;
    }
}
