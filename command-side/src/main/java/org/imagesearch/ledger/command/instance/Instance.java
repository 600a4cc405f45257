package org.imagesearch.ledger.command.instance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.ExhaustQuota;
import org.imagesearch.ledger.api.instance.ExhaustionReceipt;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.PackageChangeReceipt;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.ProcessDueDeadlines;
import org.imagesearch.ledger.api.instance.PurchasePackage;
import org.imagesearch.ledger.api.instance.PurchaseReceipt;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.imagesearch.ledger.api.instance.QuotePackageChange;
import org.imagesearch.ledger.api.instance.QuoteRenewal;
import org.imagesearch.ledger.api.instance.ReleaseForNonPayment;
import org.imagesearch.ledger.api.instance.RenewPackage;
import org.imagesearch.ledger.api.instance.RenewalReceipt;
import org.imagesearch.ledger.command.quote.PackageOffers;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One image-search instance. It decides with {@link PurchasePolicy} and {@link InstanceRules} in its
 * command handlers and changes state only in its event sourcing handlers, through
 * {@link InstanceSnapshot#evolve}.
 *
 * <p>Every command first records the deadlines that are due by the business clock but not yet
 * swept, so a late sweep never lets a command see an instance that should already be retained or
 * released. If the command is then refused, its unit of work rolls back and those events with it.
 * Quotes run the same decisions on a copy and record nothing.
 */
@Aggregate(cache = "instanceCache", commandTargetResolver = "commandTargets")
public class Instance {

    @AggregateIdentifier
    private InstanceId instanceId;
    private InstanceSnapshot state;

    protected Instance() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public PurchaseReceipt handle(PurchasePackage command, PurchasePolicy policy, Clock clock) {
        PackagePurchased purchased = policy.purchase(command, clock.instant());
        apply(purchased);
        return new PurchaseReceipt(purchased.instanceId(), purchased.charged(), purchased.term().start(),
                purchased.term().end());
    }

    @CommandHandler
    public PackageChangeReceipt handle(ChangePackage command, PackageOffers offers, InstanceRules rules, Clock clock) {
        Instant now = clock.instant();
        PackageChanged changed = rules.changePackage(recordDueDeadlines(rules, now), command.resourcePackage(),
                offers.forCustomer(state.customerId(), now), now);
        apply(changed);
        return PackageChangeReceipt.of(changed);
    }

    @CommandHandler
    public PackageChangeReceipt handle(QuotePackageChange quote, PackageOffers offers, InstanceRules rules,
                                       Clock clock) {
        Instant now = clock.instant();
        return PackageChangeReceipt.of(rules.changePackage(rules.afterDeadlinesDueBy(state, now),
                quote.change().resourcePackage(), offers.forCustomer(state.customerId(), now), now));
    }

    @CommandHandler
    public RenewalReceipt handle(RenewPackage command, PackageOffers offers, InstanceRules rules, Clock clock) {
        Instant now = clock.instant();
        PackageRenewed renewed = rules.renew(recordDueDeadlines(rules, now), command.months(), command.newPackage(),
                offers.forCustomer(state.customerId(), now), now);
        apply(renewed);
        return RenewalReceipt.of(renewed);
    }

    @CommandHandler
    public RenewalReceipt handle(QuoteRenewal quote, PackageOffers offers, InstanceRules rules, Clock clock) {
        Instant now = clock.instant();
        RenewPackage renewal = quote.renewal();
        return RenewalReceipt.of(rules.renew(rules.afterDeadlinesDueBy(state, now), renewal.months(),
                renewal.newPackage(), offers.forCustomer(state.customerId(), now), now));
    }

    @CommandHandler
    public void handle(ReleaseForNonPayment command, InstanceRules rules, Clock clock) {
        Instant now = clock.instant();
        rules.releaseForNonPayment(recordDueDeadlines(rules, now), now).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    public ExhaustionReceipt handle(ExhaustQuota command, InstanceRules rules, Clock clock) {
        Instant now = clock.instant();
        rules.exhaustQuota(recordDueDeadlines(rules, now), command.reason(), now)
                .ifPresent(AggregateLifecycle::apply);
        return new ExhaustionReceipt(instanceId, state.state(), state.releaseAt());
    }

    @CommandHandler
    public void handle(ProcessDueDeadlines command, InstanceRules rules, Clock clock) {
        recordDueDeadlines(rules, clock.instant());
    }

    private InstanceSnapshot recordDueDeadlines(InstanceRules rules, Instant now) {
        rules.dueEvents(state, now).forEach(AggregateLifecycle::apply);
        return state;
    }

    @EventSourcingHandler
    void on(PackagePurchased event) {
        instanceId = event.instanceId();
        state = InstanceSnapshot.of(event);
    }

    @EventSourcingHandler
    void on(PackageChanged event) {
        state = state.evolve(event);
    }

    @EventSourcingHandler
    void on(PackageRenewed event) {
        state = state.evolve(event);
    }

    @EventSourcingHandler
    void on(QuotaExhausted event) {
        state = state.evolve(event);
    }

    @EventSourcingHandler
    void on(InstanceReleased event) {
        state = state.evolve(event);
    }
}
