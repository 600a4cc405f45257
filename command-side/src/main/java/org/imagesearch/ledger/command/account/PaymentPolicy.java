package org.imagesearch.ledger.command.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.GrantCredit;
import org.imagesearch.ledger.api.account.OpenReceivable;
import org.imagesearch.ledger.api.account.ReceivableDefaulted;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.ReleaseForNonPayment;

import java.time.Instant;

/**
 * When payments are on, turns what happens to instances into the accounts' business, and back:
 * every charge opens a receivable, every downgrade credit is granted to the account, and a
 * defaulted receivable releases its instance. It runs in its own tracking processor, from the
 * moment payments were switched on (charges before that counted as paid at checkout). Each command
 * is idempotent by the id of the event behind it, so handling an event twice changes nothing.
 */
@ProcessingGroup(PaymentPolicy.PROCESSING_GROUP)
@DisallowReplay
public class PaymentPolicy {

    public static final String PROCESSING_GROUP = "payment-policy";

    private final CommandGateway commands;

    public PaymentPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PackagePurchased event, EventMessage<?> message) {
        charge(event.customerId(), event.instanceId(), event.charged(), event.occurredAt(), message);
    }

    @EventHandler
    void on(PackageRenewed event, EventMessage<?> message) {
        charge(event.customerId(), event.instanceId(), event.charged(), event.occurredAt(), message);
    }

    @EventHandler
    void on(PackageChanged event, EventMessage<?> message) {
        Money amount = event.amount();
        if (amount.isNegative()) {
            commands.sendAndWait(new GrantCredit(AccountId.of(event.customerId()), message.getIdentifier(),
                    event.instanceId(), amount.negate(), event.occurredAt()));
        } else {
            charge(event.customerId(), event.instanceId(), amount, event.occurredAt(), message);
        }
    }

    @EventHandler
    void on(ReceivableDefaulted event) {
        commands.sendAndWait(new ReleaseForNonPayment(event.instanceId(), event.receivableId()));
    }

    private void charge(CustomerId customer, InstanceId instance, Money amount, Instant at, EventMessage<?> message) {
        if (amount.signum() > 0) {
            commands.sendAndWait(new OpenReceivable(AccountId.of(customer), message.getIdentifier(), instance,
                    amount, at));
        }
    }
}
