package org.imagesearch.ledger.command.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.imagesearch.ledger.api.account.AccountId;
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
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.command.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

/** Every rule of receivables, payments, credit and overdue release, one named test each. */
class AccountTest {

    private static final CustomerId CUSTOMER = new CustomerId("acme");
    private static final AccountId ACCOUNT = AccountId.of(CUSTOMER);
    private static final InstanceId FIRST = new InstanceId("instance-1");
    private static final InstanceId SECOND = new InstanceId("instance-2");
    private static final PaymentTerms TERMS = new PaymentTerms(Duration.ofDays(7), Duration.ofDays(15));
    private static final String JUNE_1 = "2026-06-01T00:00:00Z";
    private static final String JUNE_3 = "2026-06-03T00:00:00Z";

    private FixtureConfiguration<Account> fixture;
    private MutableClock clock;
    private final Map<String, CustomerId> claimedReferences = new HashMap<>();

    @BeforeEach
    void setUp() {
        clock = new MutableClock("2026-06-05T00:00:00Z");
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(TERMS);
        fixture.registerInjectableResource((PaymentReferences) (reference, customer) -> {
            CustomerId earlier = claimedReferences.putIfAbsent(reference, customer);
            if (earlier != null) {
                throw PaymentReferences.reused(reference);
            }
        });
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Money usd(String amount) {
        return Money.usd(amount);
    }

    private static ReceivableOpened opened(String id, InstanceId instance, String amount, String chargedAt) {
        return new ReceivableOpened(CUSTOMER, id, instance, usd(amount), at(chargedAt),
                at(chargedAt).plus(Duration.ofDays(7)), List.of());
    }

    private static PaymentReceived paid(String reference, String amount, String at, List<Allocation> allocations,
                                        String toCredit) {
        return new PaymentReceived(CUSTOMER, reference, usd(amount), at(at), allocations, usd(toCredit));
    }

    @Test
    void aChargeOpensAReceivableDueOnePaymentTermLater() {
        fixture.givenNoPriorActivity()
                .when(new OpenReceivable(ACCOUNT, "r1", FIRST, usd("800.00"), at(JUNE_1)))
                .expectEvents(opened("r1", FIRST, "800.00", JUNE_1));
    }

    @Test
    void theSameChargeTwiceOpensOneReceivable() {
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1))
                .when(new OpenReceivable(ACCOUNT, "r1", FIRST, usd("800.00"), at(JUNE_1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPaymentSettlesTheOldestOpenReceivablesFirst() {
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1), opened("r2", SECOND, "300.00", JUNE_3))
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("1000.00")))
                .expectEvents(paid("pay-1", "1000.00", "2026-06-05T00:00:00Z", List.of(
                        new Allocation("r1", FIRST, usd("800.00"), usd("0.00")),
                        new Allocation("r2", SECOND, usd("200.00"), usd("100.00"))), "0.00"));
    }

    @Test
    void aPartialPaymentLeavesTheRestOutstanding() {
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1))
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("500.00")))
                .expectResultMessagePayloadMatching(matches(receipt ->
                        ((PaymentReceipt) receipt).outstanding().equals(usd("300.00"))
                                && ((PaymentReceipt) receipt).creditBalance().equals(Money.ZERO)));
    }

    @Test
    void anOverpaymentBecomesCredit() {
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1))
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("1000.00")))
                .expectEvents(paid("pay-1", "1000.00", "2026-06-05T00:00:00Z",
                        List.of(new Allocation("r1", FIRST, usd("800.00"), usd("0.00"))), "200.00"));
    }

    @Test
    void aPaymentWithNothingOwedIsAllCredit() {
        fixture.givenNoPriorActivity()
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("50.00")))
                .expectEvents(paid("pay-1", "50.00", "2026-06-05T00:00:00Z", List.of(), "50.00"));
    }

    @Test
    void creditSettlesAReceivableOpenedLater() {
        fixture.given(paid("pay-1", "1000.00", JUNE_1, List.of(), "1000.00"))
                .when(new OpenReceivable(ACCOUNT, "r1", FIRST, usd("800.00"), at(JUNE_3)))
                .expectEvents(new ReceivableOpened(CUSTOMER, "r1", FIRST, usd("800.00"), at(JUNE_3),
                        at(JUNE_3).plus(Duration.ofDays(7)),
                        List.of(new Allocation("r1", FIRST, usd("800.00"), usd("0.00")))));
    }

    @Test
    void aDowngradeCreditSettlesOpenReceivablesOldestFirstAndTheRestIsCredit() {
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1), opened("r2", SECOND, "300.00", JUNE_3))
                .when(new GrantCredit(ACCOUNT, "c1", FIRST, usd("1500.00"), at(JUNE_3)))
                .expectEvents(new CreditGranted(CUSTOMER, "c1", FIRST, usd("1500.00"), at(JUNE_3), List.of(
                        new Allocation("r1", FIRST, usd("800.00"), usd("0.00")),
                        new Allocation("r2", SECOND, usd("300.00"), usd("0.00"))), usd("400.00")));
    }

    @Test
    void theSameCreditTwiceIsGrantedOnce() {
        fixture.given(new CreditGranted(CUSTOMER, "c1", FIRST, usd("10.00"), at(JUNE_3), List.of(), usd("10.00")))
                .when(new GrantCredit(ACCOUNT, "c1", FIRST, usd("10.00"), at(JUNE_3)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSamePaymentReferenceAgainChangesNothingAndAnswersTheFirstReceipt() {
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1),
                        paid("pay-1", "500.00", JUNE_3, List.of(new Allocation("r1", FIRST, usd("500.00"),
                                usd("300.00"))), "0.00"))
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("500.00")))
                .expectNoEvents()
                .expectResultMessagePayload(new PaymentReceipt(CUSTOMER, "pay-1", usd("500.00"), at(JUNE_3),
                        List.of(new Allocation("r1", FIRST, usd("500.00"), usd("300.00"))), Money.ZERO,
                        usd("300.00"), Money.ZERO));
    }

    @Test
    void theSamePaymentReferenceWithAnotherAmountIsRefused() {
        fixture.given(paid("pay-1", "500.00", JUNE_3, List.of(), "500.00"))
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("501.00")))
                .expectNoEvents()
                .expectException(rejection(RejectionCode.PAYMENT_REFERENCE_REUSED));
    }

    @Test
    void aPaymentReferenceOfAnotherCustomerIsRefused() {
        claimedReferences.put("pay-1", new CustomerId("globex"));
        fixture.givenNoPriorActivity()
                .when(new RecordPayment(ACCOUNT, "pay-1", usd("500.00")))
                .expectNoEvents()
                .expectException(rejection(RejectionCode.PAYMENT_REFERENCE_REUSED));
    }

    @Test
    void aPaymentMustBePositiveAndAtMostTheLargestInput() {
        for (String amount : List.of("0.00", "-1.00", "1000000000.01")) {
            assertThatThrownBy(() -> new RecordPayment(ACCOUNT, "pay-1", usd(amount)))
                    .isInstanceOfSatisfying(LedgerRejection.class,
                            refusal -> assertThat(refusal.code()).isEqualTo(RejectionCode.VALIDATION));
        }
    }

    @Test
    void aReceivableOpenAtItsDueDateRaisesAPaymentOverdueNotice() {
        clock.set("2026-06-08T00:00:00Z");
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1))
                .when(new ProcessAccountDeadlines(ACCOUNT))
                .expectEvents(new PaymentOverdue(CUSTOMER, "r1", FIRST, usd("800.00"), at("2026-06-08T00:00:00Z"),
                        at("2026-06-23T00:00:00Z")));
    }

    @Test
    void aReceivablePaidInFullBeforeItsDueDateGetsNoNotice() {
        clock.set("2026-06-08T00:00:00Z");
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1), paid("pay-1", "800.00", JUNE_3,
                        List.of(new Allocation("r1", FIRST, usd("800.00"), usd("0.00"))), "0.00"))
                .when(new ProcessAccountDeadlines(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReceivableStillOpenReleaseAfterItsDueDateDefaults() {
        clock.set("2026-06-23T00:00:00Z");
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1), new PaymentOverdue(CUSTOMER, "r1", FIRST,
                        usd("800.00"), at("2026-06-08T00:00:00Z"), at("2026-06-23T00:00:00Z")))
                .when(new ProcessAccountDeadlines(ACCOUNT))
                .expectEvents(new ReceivableDefaulted(CUSTOMER, "r1", FIRST, usd("800.00"),
                        at("2026-06-23T00:00:00Z")));
    }

    @Test
    void payingInFullBeforeTheReleaseDateCancelsTheRelease() {
        clock.set("2026-06-23T00:00:00Z");
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1),
                        new PaymentOverdue(CUSTOMER, "r1", FIRST, usd("800.00"), at("2026-06-08T00:00:00Z"),
                                at("2026-06-23T00:00:00Z")),
                        paid("pay-1", "800.00", "2026-06-20T00:00:00Z",
                                List.of(new Allocation("r1", FIRST, usd("800.00"), usd("0.00"))), "0.00"))
                .when(new ProcessAccountDeadlines(ACCOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPartPaymentDoesNotCancelTheRelease() {
        clock.set("2026-06-23T00:00:00Z");
        fixture.given(opened("r1", FIRST, "800.00", JUNE_1),
                        new PaymentOverdue(CUSTOMER, "r1", FIRST, usd("800.00"), at("2026-06-08T00:00:00Z"),
                                at("2026-06-23T00:00:00Z")),
                        paid("pay-1", "799.99", "2026-06-20T00:00:00Z",
                                List.of(new Allocation("r1", FIRST, usd("799.99"), usd("0.01"))), "0.00"))
                .when(new ProcessAccountDeadlines(ACCOUNT))
                .expectEvents(new ReceivableDefaulted(CUSTOMER, "r1", FIRST, usd("0.01"),
                        at("2026-06-23T00:00:00Z")));
    }

    private static org.hamcrest.Matcher<?> rejection(RejectionCode code) {
        return allOf(instanceOf(LedgerRejection.class), matches(e -> ((LedgerRejection) e).code() == code));
    }
}
