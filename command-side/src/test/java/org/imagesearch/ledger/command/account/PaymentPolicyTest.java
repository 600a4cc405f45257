package org.imagesearch.ledger.command.account;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.utils.RecordingCommandBus;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.GrantCredit;
import org.imagesearch.ledger.api.account.OpenReceivable;
import org.imagesearch.ledger.api.account.ReceivableDefaulted;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.ReleaseForNonPayment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the payment policy asks of accounts and instances, for each event it follows. */
class PaymentPolicyTest {

    private static final CustomerId CUSTOMER = new CustomerId("acme");
    private static final InstanceId INSTANCE = new InstanceId("instance-1");
    private static final Instant JUNE_1 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant JULY_1 = Instant.parse("2026-07-01T00:00:00Z");
    private static final ResourcePackage SMALL = new ResourcePackage(2_500_000, 5, 20, Money.usd("800.00"), "catalog:x");
    private static final ResourcePackage LARGE = new ResourcePackage(10_000_000, 10, 20, Money.usd("5500.00"),
            "catalog:x");

    private RecordingCommandBus bus;
    private AnnotationEventHandlerAdapter policy;

    @BeforeEach
    void setUp() {
        bus = new RecordingCommandBus();
        policy = new AnnotationEventHandlerAdapter(
                new PaymentPolicy(DefaultCommandGateway.builder().commandBus(bus).build()));
    }

    private String handle(Object event) throws Exception {
        GenericEventMessage<Object> message = new GenericEventMessage<>(event);
        policy.handle(message);
        return message.getIdentifier();
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    private static PackagePurchased purchase(Money charged, boolean trial) {
        Term term = new Term(JUNE_1, JULY_1, 1, SMALL, charged);
        return new PackagePurchased(INSTANCE, CUSTOMER, SMALL, trial, term, charged, JUNE_1);
    }

    private static PackageChanged change(ResourcePackage from, ResourcePackage to, String amount) {
        Money money = Money.usd(amount);
        return new PackageChanged(INSTANCE, CUSTOMER, from, to, ChangeDirection.of(money), JUNE_1, List.of(), "HALF_UP",
                money);
    }

    @Test
    void everyChargeOpensAReceivableNamedAfterItsEvent() throws Exception {
        String eventId = handle(purchase(Money.usd("800.00"), false));
        assertThat(sent()).containsExactly(new OpenReceivable(AccountId.of(CUSTOMER), eventId, INSTANCE,
                Money.usd("800.00"), JUNE_1));
    }

    @Test
    void anUpgradeAndARenewalAreChargesToo() throws Exception {
        String upgrade = handle(change(SMALL, LARGE, "3290.00"));
        Term next = new Term(JULY_1, Instant.parse("2026-08-01T00:00:00Z"), 1, LARGE, Money.usd("5500.00"));
        String renewal = handle(new PackageRenewed(INSTANCE, CUSTOMER, next, Money.usd("5500.00"), JUNE_1, false));
        assertThat(sent()).containsExactly(
                new OpenReceivable(AccountId.of(CUSTOMER), upgrade, INSTANCE, Money.usd("3290.00"), JUNE_1),
                new OpenReceivable(AccountId.of(CUSTOMER), renewal, INSTANCE, Money.usd("5500.00"), JUNE_1));
    }

    @Test
    void aFreeTrialOwesNothing() throws Exception {
        handle(purchase(Money.ZERO, true));
        assertThat(sent()).isEmpty();
    }

    @Test
    void aDowngradeCreditGoesToTheAccount() throws Exception {
        String eventId = handle(change(LARGE, SMALL, "-3290.00"));
        assertThat(sent()).containsExactly(new GrantCredit(AccountId.of(CUSTOMER), eventId, INSTANCE,
                Money.usd("3290.00"), JUNE_1));
    }

    @Test
    void aDefaultedReceivableReleasesItsInstance() throws Exception {
        handle(new ReceivableDefaulted(CUSTOMER, "r1", INSTANCE, Money.usd("800.00"), JULY_1));
        assertThat(sent()).containsExactly(new ReleaseForNonPayment(INSTANCE, "r1"));
    }
}
