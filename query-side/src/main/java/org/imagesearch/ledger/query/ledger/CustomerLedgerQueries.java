package org.imagesearch.ledger.query.ledger;

import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.AccountSnapshot;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.query.CustomerLedger;
import org.imagesearch.ledger.api.query.FindCustomerLedger;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.imagesearch.ledger.query.account.AccountViewProjection;
import org.imagesearch.ledger.query.history.EventHistory;
import org.imagesearch.ledger.query.instance.InstanceViewRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's ledger now, from the read models, or as of a past instant, folded from the event
 * store with the same {@link LedgerEntry#of} and {@link InstanceSnapshot#evolve} the projections use.
 */
@Component
public class CustomerLedgerQueries {

    private final LedgerEntryRepository entries;
    private final InstanceViewRepository views;
    private final AccountViewProjection accounts;
    private final EventHistory history;
    private final Clock clock;

    public CustomerLedgerQueries(LedgerEntryRepository entries, InstanceViewRepository views,
                                 AccountViewProjection accounts, EventHistory history, Clock clock) {
        this.entries = entries;
        this.views = views;
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    @QueryHandler
    public Optional<CustomerLedger> handle(FindCustomerLedger query) {
        return query.asOf() == null ? now(query.customerId()) : asOf(query.customerId(), query.asOf());
    }

    private Optional<CustomerLedger> now(CustomerId customer) {
        List<InstanceSnapshot> instances = views.ofCustomer(customer);
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<LedgerEntry> ledger = entries.ofCustomer(customer);
        CustomerLedger.Totals totals = CustomerLedger.Totals.of(ledger, accounts.find(customer).orElse(null));
        return Optional.of(new CustomerLedger(customer, ledger, totals,
                instances.stream().map(snapshot -> balance(snapshot, now)).toList(), now));
    }

    private Optional<CustomerLedger> asOf(CustomerId customer, Instant asOf) {
        List<String> instanceIds = views.ofCustomer(customer).stream()
                .map(snapshot -> snapshot.instanceId().value()).toList();
        List<LedgerEntry> ledger = new ArrayList<>();
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        for (EventHistory.Recorded recorded : history.of(instanceIds, asOf)) {
            LedgerEntry.of(recorded.payload(), recorded.position()).ifPresent(ledger::add);
            histories.computeIfAbsent(recorded.message().getAggregateIdentifier(), id -> new ArrayList<>())
                    .add(recorded.payload());
        }
        if (histories.isEmpty()) {
            return Optional.empty();
        }
        List<CustomerLedger.InstanceBalance> balances = histories.values().stream()
                .map(InstanceSnapshot::replay)
                .sorted(InstanceViewRepository.ORDER)
                .map(snapshot -> balance(snapshot, asOf))
                .toList();
        return Optional.of(new CustomerLedger(customer, ledger, CustomerLedger.Totals.of(ledger, accountAsOf(customer,
                asOf)), balances, asOf));
    }

    /** The account folded from its events that occurred by {@code asOf}; null if it had none by then. */
    private AccountSnapshot accountAsOf(CustomerId customer, Instant asOf) {
        List<Object> events = history.of(AccountId.of(customer).toString(), asOf).stream()
                .map(EventHistory.Recorded::payload).toList();
        return events.isEmpty() ? null : AccountSnapshot.replay(customer, events);
    }

    private static CustomerLedger.InstanceBalance balance(InstanceSnapshot snapshot, Instant at) {
        return new CustomerLedger.InstanceBalance(snapshot.instanceId(), snapshot.state(),
                snapshot.billingBalance(at));
    }
}
