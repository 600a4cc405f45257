package org.imagesearch.ledger.command.instance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.ExhaustQuota;
import org.imagesearch.ledger.api.instance.ExhaustionReceipt;
import org.imagesearch.ledger.api.instance.ExhaustionTrigger;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.InstanceState;
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
import org.imagesearch.ledger.api.instance.ReleaseReason;
import org.imagesearch.ledger.api.instance.RenewPackage;
import org.imagesearch.ledger.api.instance.RenewalReceipt;
import org.imagesearch.ledger.command.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.allOf;
import org.imagesearch.ledger.api.instance.ReleaseForNonPayment;
import org.imagesearch.ledger.api.quote.QuoteId;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.OTHERS_QUOTE;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.P_QUOTED_80M_20;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.QUOTE;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.QUOTE_VALID_UNTIL;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.CALENDAR;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.OFFERS;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.CUSTOMER;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.INSTANCE;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.P_10M_10;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.P_2_5M_5;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.P_50M_10;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.TRIAL_PACKAGE;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.at;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.pkg;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.changed;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.exhausted;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.purchased;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.released;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.renewed;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.term;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.trialPurchased;

/** Every rule and every refusal of an instance's life, one named test each. */
class InstanceTest {

    private static final String JUNE_1 = "2026-06-01T00:00:00Z";
    private static final String JUNE_10 = "2026-06-10T00:00:00Z";
    private static final String JULY_1 = "2026-07-01T00:00:00Z";

    private FixtureConfiguration<Instance> fixture;
    private MutableClock clock;
    private InMemoryPurchaseLimits limits;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(JUNE_1);
        limits = new InMemoryPurchaseLimits();
        fixture = new AggregateTestFixture<>(Instance.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(OFFERS);
        fixture.registerInjectableResource(new InstanceRules(CALENDAR));
        fixture.registerInjectableResource(new PurchasePolicy(OFFERS, limits, CALENDAR));
    }

    private static PurchasePackage purchase(long images, int qps, boolean trial) {
        return new PurchasePackage(INSTANCE, CUSTOMER, PackageRef.of(new PackageSize(images, qps)), trial);
    }

    @Nested
    class Purchase {

        @Test
        void purchaseCreatesOneMonthTermChargedAtTheMonthlyPrice() {
            Term term = term(JUNE_1, 1, P_2_5M_5, Money.usd("800.00"));
            fixture.givenNoPriorActivity()
                    .when(purchase(2_500_000, 5, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PackagePurchased(INSTANCE, CUSTOMER, P_2_5M_5, false, term,
                            Money.usd("800.00"), at(JUNE_1)));
            assertThat(term.end()).isEqualTo(at(JULY_1));
        }

        @Test
        void trialIsTheSmallestPackageAtZeroForOneMonth() {
            fixture.givenNoPriorActivity()
                    .when(purchase(100_000, 1, true))
                    .expectEvents(trialPurchased(JUNE_1));
        }

        @Test
        void nonTrialPurchaseOfTheTrialPackageCosts300() {
            fixture.givenNoPriorActivity()
                    .when(purchase(100_000, 1, false))
                    .expectEvents(purchased(TRIAL_PACKAGE, JUNE_1));
            assertThat(TRIAL_PACKAGE.monthlyPrice()).isEqualTo(Money.usd("300.00"));
        }

        @Test
        void trialFlagOnAnotherPackageIsAValidationError() {
            fixture.givenNoPriorActivity()
                    .when(purchase(2_500_000, 5, true))
                    .expectNoEvents()
                    .expectException(LedgerRejection.class)
                    .expectExceptionMessage(containsString("trial"));
            assertRejected(RejectionCode.VALIDATION, purchase(2_500_000, 5, true));
        }

        @Test
        void unknownPackageIsRefused() {
            assertRejected(RejectionCode.UNKNOWN_PACKAGE, purchase(3_000_000, 5, false));
            assertRejected(RejectionCode.UNKNOWN_PACKAGE, purchase(50_000_000, 20, false));
        }

        @Test
        void trialCanBeUsedOncePerCustomerEver() {
            limits.claim(CUSTOMER, CALENDAR.monthOf(at("2025-01-15T00:00:00Z")), true,
                    new InstanceId("an-older-trial"));

            assertRejected(RejectionCode.TRIAL_ALREADY_USED, purchase(100_000, 1, true));
        }

        @Test
        void onePurchasePerCustomerPerCalendarMonth() {
            limits.claim(CUSTOMER, CALENDAR.monthOf(at("2026-06-30T23:59:59Z")), false,
                    new InstanceId("earlier-in-june"));

            assertRejected(RejectionCode.MONTHLY_PURCHASE_LIMIT, purchase(2_500_000, 5, false));
            assertRejected(RejectionCode.MONTHLY_PURCHASE_LIMIT, purchase(100_000, 1, true));
        }

        @Test
        void aPurchaseInTheNextCalendarMonthIsAllowed() {
            limits.claim(CUSTOMER, CALENDAR.monthOf(at("2026-05-31T23:59:59Z")), false,
                    new InstanceId("in-may"));

            fixture.givenNoPriorActivity()
                    .when(purchase(2_500_000, 5, false))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void monthsAreCalendarMonthsSoJanuary31PlusOneMonthIsFebruary28() {
            clock.set("2026-01-31T10:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(purchase(2_500_000, 5, false))
                    .expectResultMessagePayloadMatching(matches(
                            receipt -> ((PurchaseReceipt) receipt).periodEnd()
                                    .equals(at("2026-02-28T10:00:00Z"))));
        }
    }

    @Nested
    class Upgrade {

        @Test
        void upgradeOnDayTenChargesTheRemainingDifference() {
            clock.set(JUNE_10);
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new ChangePackage(INSTANCE, P_10M_10.ref()))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().equals(Money.usd("3290.00"))
                                    && ((PackageChangeReceipt) result).direction() == ChangeDirection.UPGRADE));
        }

        @Test
        void trialUpgradedOnDayTenPays560() {
            clock.set(JUNE_10);
            fixture.given(trialPurchased(JUNE_1))
                    .when(new ChangePackage(INSTANCE, P_2_5M_5.ref()))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().equals(Money.usd("560.00"))));
        }

        @Test
        void upgradeRecordsItsInputsAndKeepsEveryTermsDates() {
            clock.set(JUNE_10);
            List<Object> history = List.of(purchased(P_2_5M_5, JUNE_1));
            PackageChanged expected = changed(history, P_10M_10, JUNE_10);
            fixture.given(history)
                    .when(new ChangePackage(INSTANCE, P_10M_10.ref()))
                    .expectEvents(expected);
            assertThat(expected.prorations()).singleElement().satisfies(row -> {
                assertThat(row.termStart()).isEqualTo(at(JUNE_1));
                assertThat(row.termEnd()).isEqualTo(at(JULY_1));
                assertThat(row.remainingSeconds()).isEqualTo(21 * 86_400L);
                assertThat(row.totalSeconds()).isEqualTo(30 * 86_400L);
            });
            assertThat(expected.amount()).isEqualTo(Money.usd("3290.00"));
        }

        @Test
        void downgradeCreditsTheDifference() {
            clock.set(JUNE_10);
            fixture.given(purchased(P_10M_10, JUNE_1))
                    .when(new ChangePackage(INSTANCE, P_2_5M_5.ref()))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().equals(Money.usd("-3290.00"))
                                    && ((PackageChangeReceipt) result).direction() == ChangeDirection.DOWNGRADE));
        }

        @Test
        void upgradeAlsoRepricesQueuedRenewals() {
            clock.set(JUNE_10);
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(renewed(history, 3, P_2_5M_5, "2026-06-05T00:00:00Z"));
            fixture.given(history)
                    .when(new ChangePackage(INSTANCE, P_10M_10.ref()))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount()
                                    .equals(Money.usd("3290.00").plus(Money.usd("14100.00")))
                                    && ((PackageChangeReceipt) result).prorations().size() == 2));
        }

        @Test
        void upgradeOfARetainedInstanceIsRefused() {
            clock.set(JUNE_10);
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(exhausted(history, "2026-06-05T00:00:00Z"));
            assertRejected(RejectionCode.INSTANCE_NOT_ACTIVE, history, new ChangePackage(INSTANCE, P_10M_10.ref()));
        }

        @Test
        void upgradeToTheSamePackageIsRefused() {
            clock.set(JUNE_10);
            assertRejected(RejectionCode.SAME_PACKAGE, List.of(purchased(P_2_5M_5, JUNE_1)),
                    new ChangePackage(INSTANCE, P_2_5M_5.ref()));
        }

        @Test
        void aTrialMayBecomeThePaidPackageOfItsOwnSize() {
            clock.set(JUNE_10);
            fixture.given(trialPurchased(JUNE_1))
                    .when(new ChangePackage(INSTANCE, TRIAL_PACKAGE.ref()))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().equals(Money.usd("210.00"))))
                    .expectState(instance -> assertThat(stateOf(instance).trial()).isFalse());
        }

        @Test
        void upgradeToAnUnknownPackageIsRefused() {
            assertRejected(RejectionCode.UNKNOWN_PACKAGE, List.of(purchased(P_2_5M_5, JUNE_1)),
                    new ChangePackage(INSTANCE, PackageRef.of(new PackageSize(7, 7))));
        }

        @Test
        void anInstanceStopsBeingATrialOnceItsPackageChanges() {
            clock.set(JUNE_10);
            List<Object> history = new ArrayList<>();
            history.add(trialPurchased(JUNE_1));
            history.add(changed(history, P_2_5M_5, JUNE_10));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 1, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(renewed(history, 1, P_2_5M_5, JUNE_10));
        }

        @Test
        void directionFollowsTheSignOfTheAmountSoAZeroDifferenceIsAnUpgrade() {
            // 5M/10 and 10M/5 are both 2,900.00 a month: the difference is 0.00.
            clock.set(JUNE_10);
            fixture.given(purchased(pkg(5_000_000, 10), JUNE_1))
                    .when(new ChangePackage(INSTANCE, PackageRef.of(new PackageSize(10_000_000, 5))))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().isZero()
                                    && ((PackageChangeReceipt) result).direction() == ChangeDirection.UPGRADE));
        }

        @Test
        void theQuoteOfAPackageChangeRecordsNothingAndEqualsTheCharge() {
            clock.set(JUNE_10);
            ChangePackage change = new ChangePackage(INSTANCE, P_10M_10.ref());
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new QuotePackageChange(change))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().equals(Money.usd("3290.00"))));
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(change)
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((PackageChangeReceipt) result).amount().equals(Money.usd("3290.00"))));
        }
    }

    @Nested
    class Renew {

        @Test
        void renewalOfAnActiveInstanceStartsWhereTheLastTermEnds() {
            clock.set(JUNE_10);
            List<Object> history = List.of(purchased(P_2_5M_5, JUNE_1));
            Term next = term(JULY_1, 3, P_2_5M_5, Money.usd("2400.00"));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 3, null))
                    .expectEvents(new PackageRenewed(INSTANCE, CUSTOMER, next, Money.usd("2400.00"), at(JUNE_10),
                            false));
        }

        @Test
        void renewalPriceIsTheMonthlyPriceTimesTheMonths() {
            clock.set(JUNE_10);
            fixture.given(purchased(P_50M_10, JUNE_1))
                    .when(new RenewPackage(INSTANCE, 36, null))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((RenewalReceipt) result).charged().equals(Money.usd("795600.00"))));
        }

        @Test
        void aPackageChangeInARenewalTakesEffectAtItsStart() {
            clock.set(JUNE_10);
            List<Object> history = List.of(purchased(P_2_5M_5, JUNE_1));
            Term next = term(JULY_1, 1, P_10M_10, Money.usd("5500.00"));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 1, P_10M_10.ref()))
                    .expectEvents(new PackageRenewed(INSTANCE, CUSTOMER, next, Money.usd("5500.00"), at(JUNE_10),
                            false));
        }

        @Test
        void renewalWithoutAPackageContinuesTheLastTermsPackageEvenAQueuedOne() {
            clock.set(JUNE_10);
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(renewed(history, 1, P_10M_10, JUNE_10));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 2, null))
                    .expectEvents(renewed(history, 2, P_10M_10, JUNE_10));
        }

        @Test
        void renewalOfARetainedInstanceStartsNowAndCancelsTheRelease() {
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(exhausted(history, JUNE_10));
            clock.set("2026-06-20T00:00:00Z");
            Term fresh = term("2026-06-20T00:00:00Z", 1, P_2_5M_5, Money.usd("800.00"));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 1, null))
                    .expectEvents(new PackageRenewed(INSTANCE, CUSTOMER, fresh, Money.usd("800.00"),
                            at("2026-06-20T00:00:00Z"), true))
                    .expectState(instance -> assertThat(stateOf(instance).state()).isEqualTo(InstanceState.ACTIVE))
                    .expectState(instance -> assertThat(stateOf(instance).releaseAt()).isNull());
        }

        @Test
        void aRenewalIsPricedAtTodaysOfferEvenWhenItContinuesAnOlderOne() {
            clock.set(JUNE_10);
            ResourcePackage offeredLastYear = new ResourcePackage(2_500_000, 5, 20, Money.usd("700.00"),
                    "catalog:2019-01-01");
            Term lastYearsTerm = term(JUNE_1, 1, offeredLastYear, Money.usd("700.00"));
            fixture.given(new PackagePurchased(INSTANCE, CUSTOMER, offeredLastYear, false, lastYearsTerm,
                            Money.usd("700.00"), at(JUNE_1)))
                    .when(new RenewPackage(INSTANCE, 2, null))
                    .expectResultMessagePayloadMatching(matches(result ->
                            ((RenewalReceipt) result).charged().equals(Money.usd("1600.00"))
                                    && ((RenewalReceipt) result).resourcePackage().equals(P_2_5M_5)));
        }

        @Test
        void aRetainedInstanceKeepsThePackageInEffectWhenItsQuotaRanOut() {
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(renewed(history, 1, P_10M_10, "2026-06-02T00:00:00Z"));
            history.add(exhausted(history, JUNE_10));
            clock.set("2026-06-20T00:00:00Z");
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 1, null))
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((RenewalReceipt) result).resourcePackage().equals(P_2_5M_5)));
        }

        @Test
        void trialCannotBeRenewed() {
            clock.set(JUNE_10);
            assertRejected(RejectionCode.TRIAL_NOT_RENEWABLE, List.of(trialPurchased(JUNE_1)),
                    new RenewPackage(INSTANCE, 1, null));
            assertRejected(RejectionCode.TRIAL_NOT_RENEWABLE, List.of(trialPurchased(JUNE_1)),
                    new RenewPackage(INSTANCE, 1, P_2_5M_5.ref()));
        }

        @Test
        void releasedInstanceCannotBeRenewed() {
            List<Object> history = releasedHistory();
            assertRejected(RejectionCode.INSTANCE_RELEASED, history, new RenewPackage(INSTANCE, 1, null));
        }

        @Test
        void renewalMonthsMustBeOneToThirtySix() {
            for (int months : new int[]{0, -1, 37}) {
                LedgerRejection rejection = catchThrowableOfType(
                        LedgerRejection.class, () -> new RenewPackage(INSTANCE, months, null));
                assertThat(rejection.code()).isEqualTo(RejectionCode.VALIDATION);
            }
        }

        @Test
        void theQuoteOfARenewalRecordsNothingAndEqualsTheCharge() {
            clock.set(JUNE_10);
            RenewPackage renewal = new RenewPackage(INSTANCE, 12, P_10M_10.ref());
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new QuoteRenewal(renewal))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((RenewalReceipt) result).charged().equals(Money.usd("66000.00"))));
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(renewal)
                    .expectResultMessagePayloadMatching(matches(
                            result -> ((RenewalReceipt) result).charged().equals(Money.usd("66000.00"))));
        }
    }

    @Nested
    class Exhaust {

        @Test
        void exhaustionRetainsTheInstanceForFifteenDays() {
            clock.set(JUNE_10);
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new ExhaustQuota(INSTANCE, "images deleted"))
                    .expectEvents(new QuotaExhausted(INSTANCE, CUSTOMER, ExhaustionTrigger.REQUESTED, "images deleted",
                            at(JUNE_10), at("2026-06-25T00:00:00Z"), P_2_5M_5, Money.usd("560.00")))
                    .expectResultMessagePayload(new ExhaustionReceipt(INSTANCE, InstanceState.RETAINED,
                            at("2026-06-25T00:00:00Z")));
        }

        @Test
        void exhaustionEndsEveryTermQueuedRenewalsIncludedAndForfeitsTheRest() {
            clock.set(JUNE_10);
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(renewed(history, 2, P_2_5M_5, "2026-06-02T00:00:00Z"));
            fixture.given(history)
                    .when(new ExhaustQuota(INSTANCE, null))
                    .expectEvents(new QuotaExhausted(INSTANCE, CUSTOMER, ExhaustionTrigger.REQUESTED,
                            ExhaustQuota.DEFAULT_REASON, at(JUNE_10), at("2026-06-25T00:00:00Z"), P_2_5M_5,
                            Money.usd("2160.00")))
                    .expectState(instance -> {
                        var state = stateOf(instance);
                        assertThat(state.periodEnd()).isEqualTo(at(JUNE_10));
                        assertThat(state.terms()).singleElement().satisfies(
                                t -> assertThat(t.end()).isEqualTo(at(JUNE_10)));
                        assertThat(state.billingBalance(at(JUNE_10))).isEqualTo(Money.ZERO);
                    });
        }

        @Test
        void aSecondExhaustionChangesNothing() {
            clock.set("2026-06-12T00:00:00Z");
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(exhausted(history, JUNE_10));
            fixture.given(history)
                    .when(new ExhaustQuota(INSTANCE, "again"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ExhaustionReceipt(INSTANCE, InstanceState.RETAINED,
                            at("2026-06-25T00:00:00Z")));
        }

        @Test
        void theLedgerExhaustsByItselfWhenTheLastTermEnds() {
            clock.set(JULY_1);
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new ProcessDueDeadlines(INSTANCE))
                    .expectEvents(new QuotaExhausted(INSTANCE, CUSTOMER, ExhaustionTrigger.TERM_ENDED,
                            InstanceRules.TERM_ENDED_REASON, at(JULY_1), at("2026-07-16T00:00:00Z"), P_2_5M_5,
                            Money.ZERO));
        }

        @Test
        void exhaustionOfAReleasedInstanceIsRefused() {
            assertRejected(RejectionCode.INSTANCE_RELEASED, releasedHistory(), new ExhaustQuota(INSTANCE, null));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void nothingIsDueBeforeTheDeadline() {
            clock.set("2026-06-30T23:59:59Z");
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new ProcessDueDeadlines(INSTANCE))
                    .expectNoEvents();
        }

        @Test
        void aDeadlineFiresWhenTheClockIsAtOrPastIt() {
            clock.set("2026-08-01T00:00:00Z");
            List<Object> history = List.of(purchased(P_2_5M_5, JUNE_1));
            QuotaExhausted exhaustion = new QuotaExhausted(INSTANCE, CUSTOMER, ExhaustionTrigger.TERM_ENDED,
                    InstanceRules.TERM_ENDED_REASON, at(JULY_1), at("2026-07-16T00:00:00Z"), P_2_5M_5, Money.ZERO);
            fixture.given(history)
                    .when(new ProcessDueDeadlines(INSTANCE))
                    .expectEvents(exhaustion, new InstanceReleased(INSTANCE, CUSTOMER, at("2026-07-16T00:00:00Z"),
                            ReleaseReason.RETENTION_ENDED));
        }

        @Test
        void aRetainedInstanceIsReleasedAtItsReleaseAt() {
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            QuotaExhausted exhaustion = exhausted(history, JUNE_10);
            history.add(exhaustion);
            clock.set(exhaustion.releaseAt());
            fixture.given(history)
                    .when(new ProcessDueDeadlines(INSTANCE))
                    .expectEvents(released(exhaustion));
        }

        @Test
        void processingDeadlinesTwiceRecordsThemOnce() {
            List<Object> history = releasedHistory();
            clock.set("2026-09-01T00:00:00Z");
            fixture.given(history)
                    .when(new ProcessDueDeadlines(INSTANCE))
                    .expectNoEvents();
        }

        @Test
        void aCommandOnAnInstanceWhoseTermHasEndedSeesItRetainedFirst() {
            clock.set("2026-07-05T00:00:00Z");
            List<Object> history = List.of(purchased(P_2_5M_5, JUNE_1));
            QuotaExhausted automatic = new QuotaExhausted(INSTANCE, CUSTOMER, ExhaustionTrigger.TERM_ENDED,
                    InstanceRules.TERM_ENDED_REASON, at(JULY_1), at("2026-07-16T00:00:00Z"), P_2_5M_5, Money.ZERO);
            Term fresh = term("2026-07-05T00:00:00Z", 1, P_2_5M_5, Money.usd("800.00"));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 1, null))
                    .expectEvents(automatic, new PackageRenewed(INSTANCE, CUSTOMER, fresh, Money.usd("800.00"),
                            at("2026-07-05T00:00:00Z"), true));
        }

        @Test
        void aRefusedCommandLeavesEvenItsDueDeadlinesUnrecorded() {
            clock.set("2026-07-05T00:00:00Z");
            assertRejected(RejectionCode.INSTANCE_NOT_ACTIVE, List.of(purchased(P_2_5M_5, JUNE_1)),
                    new ChangePackage(INSTANCE, P_10M_10.ref()));
        }
    }

    @Nested
    class Release {

        @Test
        void releaseIsFinalSoEveryCommandIsRefusedWithInstanceReleased() {
            List<Object> history = releasedHistory();
            assertRejected(RejectionCode.INSTANCE_RELEASED, history, new ChangePackage(INSTANCE, P_10M_10.ref()));
            assertRejected(RejectionCode.INSTANCE_RELEASED, history, new RenewPackage(INSTANCE, 1, null));
            assertRejected(RejectionCode.INSTANCE_RELEASED, history, new ExhaustQuota(INSTANCE, null));
            assertRejected(RejectionCode.INSTANCE_RELEASED, history,
                    new QuoteRenewal(new RenewPackage(INSTANCE, 1, null)));
            assertRejected(RejectionCode.INSTANCE_RELEASED, history,
                    new QuotePackageChange(new ChangePackage(INSTANCE, P_10M_10.ref())));
        }

        @Test
        void aReleasedInstanceSaysSoBeforeNoticingAnUnknownPackage() {
            List<Object> history = releasedHistory();
            assertRejected(RejectionCode.INSTANCE_RELEASED, history, new ChangePackage(INSTANCE, PackageRef.of(new PackageSize(7, 7))));
            assertRejected(RejectionCode.INSTANCE_RELEASED, history, new RenewPackage(INSTANCE, 1, PackageRef.of(new PackageSize(7, 7))));
        }
    }

    @Nested
    class CustomQuotes {

        private PurchasePackage purchaseOf(QuoteId quote) {
            return new PurchasePackage(INSTANCE, CUSTOMER, PackageRef.of(quote), false);
        }

        @Test
        void aValidCustomQuoteIsBoughtAtItsMonthlyPrice() {
            Term term = term(JUNE_1, 1, P_QUOTED_80M_20, Money.usd("30000.00"));
            fixture.givenNoPriorActivity()
                    .when(purchaseOf(QUOTE))
                    .expectEvents(new PackagePurchased(INSTANCE, CUSTOMER, P_QUOTED_80M_20, false, term,
                            Money.usd("30000.00"), at(JUNE_1)));
        }

        @Test
        void anUpgradeToACustomQuoteIsProratedLikeACatalogPackage() {
            clock.set(JUNE_10);
            List<Object> history = List.of(purchased(P_50M_10, JUNE_1));
            PackageChanged expected = changed(history, P_QUOTED_80M_20, JUNE_10);
            // 21 of 30 days left: (30,000.00 − 22,100.00) × 21/30 = 5,530.00
            assertThat(expected.amount()).isEqualTo(Money.usd("5530.00"));
            fixture.given(history)
                    .when(new ChangePackage(INSTANCE, PackageRef.of(QUOTE)))
                    .expectEvents(expected);
        }

        @Test
        void aDowngradeFromACustomQuoteToTheCatalogCreditsTheProratedDifference() {
            clock.set(JUNE_10);
            List<Object> history = List.of(purchased(P_QUOTED_80M_20, JUNE_1));
            PackageChanged expected = changed(history, P_50M_10, JUNE_10);
            assertThat(expected.amount()).isEqualTo(Money.usd("-5530.00"));
            fixture.given(history)
                    .when(new ChangePackage(INSTANCE, P_50M_10.ref()))
                    .expectEvents(expected);
        }

        @Test
        void aRenewalKeepsTheCustomQuoteWhileItIsValid() {
            clock.set(JUNE_10);
            List<Object> history = List.of(purchased(P_QUOTED_80M_20, JUNE_1));
            fixture.given(history)
                    .when(new RenewPackage(INSTANCE, 2, null))
                    .expectEvents(renewed(history, 2, P_QUOTED_80M_20, JUNE_10));
        }

        @Test
        void anExpiredCustomQuoteIsRefusedWithQuoteExpired() {
            clock.set(QUOTE_VALID_UNTIL);
            assertRejected(RejectionCode.QUOTE_EXPIRED, purchaseOf(QUOTE));
            assertRejected(RejectionCode.QUOTE_EXPIRED, List.of(purchased(P_QUOTED_80M_20, JUNE_1)),
                    new RenewPackage(INSTANCE, 1, null));
            assertRejected(RejectionCode.QUOTE_EXPIRED, List.of(purchased(P_2_5M_5, "2026-07-01T00:00:00Z")),
                    new ChangePackage(INSTANCE, PackageRef.of(QUOTE)));
        }

        @Test
        void anotherCustomersQuoteIsRefusedWithQuoteNotForCustomer() {
            assertRejected(RejectionCode.QUOTE_NOT_FOR_CUSTOMER, purchaseOf(OTHERS_QUOTE));
            assertRejected(RejectionCode.QUOTE_NOT_FOR_CUSTOMER, List.of(purchased(P_2_5M_5, JUNE_1)),
                    new ChangePackage(INSTANCE, PackageRef.of(OTHERS_QUOTE)));
        }

        @Test
        void anUnknownQuoteIsRefusedWithUnknownQuote() {
            assertRejected(RejectionCode.UNKNOWN_QUOTE, purchaseOf(new QuoteId("quote-nobody-knows")));
        }

        @Test
        void aTrialIsNeverACustomQuote() {
            assertRejected(RejectionCode.VALIDATION,
                    new PurchasePackage(INSTANCE, CUSTOMER, PackageRef.of(QUOTE), true));
        }
    }

    @Nested
    class NonPayment {

        @Test
        void aDefaultedChargeReleasesItsInstanceForNonPayment() {
            clock.set(JUNE_10);
            fixture.given(purchased(P_2_5M_5, JUNE_1))
                    .when(new ReleaseForNonPayment(INSTANCE, "receivable-1"))
                    .expectEvents(new InstanceReleased(INSTANCE, CUSTOMER, at(JUNE_10), ReleaseReason.PAYMENT_OVERDUE));
        }

        @Test
        void anInstanceAlreadyReleasedStaysAsItIs() {
            fixture.given(releasedHistory())
                    .when(new ReleaseForNonPayment(INSTANCE, "receivable-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRetainedInstanceIsReleasedForNonPaymentBeforeItsRetentionEnds() {
            List<Object> history = new ArrayList<>();
            history.add(purchased(P_2_5M_5, JUNE_1));
            history.add(exhausted(history, JUNE_10));
            clock.set("2026-06-12T00:00:00Z");
            fixture.given(history)
                    .when(new ReleaseForNonPayment(INSTANCE, "receivable-1"))
                    .expectEvents(new InstanceReleased(INSTANCE, CUSTOMER, at("2026-06-12T00:00:00Z"),
                            ReleaseReason.PAYMENT_OVERDUE))
                    .expectState(instance -> assertThat(stateOf(instance).releaseAt())
                            .as("released then, not at the end of its retention").isEqualTo(at("2026-06-12T00:00:00Z")));
        }
    }

    // ---- helpers

    private List<Object> releasedHistory() {
        List<Object> history = new ArrayList<>();
        history.add(purchased(P_2_5M_5, JUNE_1));
        QuotaExhausted exhaustion = exhausted(history, JUNE_10);
        history.add(exhaustion);
        history.add(released(exhaustion));
        clock.set("2026-07-01T00:00:00Z");
        return history;
    }

    private static InstanceSnapshot stateOf(Instance instance) {
        try {
            var field = Instance.class.getDeclaredField("state");
            field.setAccessible(true);
            return (InstanceSnapshot) field.get(instance);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private void assertRejected(RejectionCode code, Object command) {
        assertRejected(code, List.of(), command);
    }

    private void assertRejected(RejectionCode code, List<?> history, Object command) {
        var given = history.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(history);
        given.when(command)
                .expectNoEvents()
                .expectException(allOf(instanceOf(LedgerRejection.class),
                        matches(
                                e -> ((LedgerRejection) e).code() == code)));
    }
}
