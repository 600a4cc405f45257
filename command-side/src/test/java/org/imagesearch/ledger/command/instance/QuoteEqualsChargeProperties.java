package org.imagesearch.ledger.command.instance;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.QuotePackageChange;
import org.imagesearch.ledger.api.instance.QuoteRenewal;
import org.imagesearch.ledger.api.instance.RenewPackage;
import org.imagesearch.ledger.command.MutableClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.CALENDAR;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.CUSTOMER;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.OFFERS;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.P_QUOTED_80M_20;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.CATALOG;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.INSTANCE;
import static org.imagesearch.ledger.command.instance.InstanceFixtures.purchased;

/**
 * A quote always equals the charge of the command sent right after it, whatever the instance's
 * history: upgrades, downgrades, queued renewals, exhaustions, reactivations and overdue deadlines.
 */
class QuoteEqualsChargeProperties {

    private static final InstanceRules RULES = new InstanceRules(CALENDAR);
    private static final Instant START = Instant.parse("2026-01-31T08:00:00Z");

    /** One step of a random history: what to do and after how many hours. */
    record Step(int kind, int packageIndex, int months, int hoursLater) {
    }

    @Property(tries = 150)
    void aQuoteAlwaysEqualsTheChargeThatFollowsIt(@ForAll("steps") @Size(max = 6) List<Step> steps,
                                                  @ForAll @IntRange(min = 0, max = 15) int target,
                                                  @ForAll @IntRange(min = 1, max = 36) int months,
                                                  @ForAll @IntRange(min = 0, max = 3000) int hoursLater) {
        List<Object> history = new ArrayList<>();
        history.add(purchased(CATALOG.packages().get(3), START.toString()));
        Instant now = START;
        for (Step step : steps) {
            now = now.plusSeconds(step.hoursLater() * 3600L + 17);
            InstanceSnapshot state = InstanceSnapshot.replay(history);
            List<Object> due = RULES.dueEvents(state, now);
            try {
                Object event = switch (step.kind()) {
                    case 0 -> RULES.changePackage(RULES.afterDeadlinesDueBy(state, now),
                            pkg(step.packageIndex()).ref(), OFFERS.forCustomer(CUSTOMER, now), now);
                    case 1 -> RULES.renew(RULES.afterDeadlinesDueBy(state, now), step.months(),
                            Optional.of(pkg(step.packageIndex()).ref()), OFFERS.forCustomer(CUSTOMER, now), now);
                    default -> RULES.exhaustQuota(RULES.afterDeadlinesDueBy(state, now), "test", now).orElse(null);
                };
                history.addAll(due);
                if (event != null) {
                    history.add(event);
                }
            } catch (LedgerRejection refused) {
                // a refused step records nothing, as in the aggregate
            }
        }
        Instant quoteTime = now.plusSeconds(hoursLater * 3600L);
        ChangePackage change = new ChangePackage(INSTANCE, pkg(target).ref());
        assertSameAnswer(history, quoteTime, new QuotePackageChange(change), change);
        RenewPackage renewal = new RenewPackage(INSTANCE, months, target % 3 == 0 ? null : pkg(target).ref());
        assertSameAnswer(history, quoteTime, new QuoteRenewal(renewal), renewal);
    }

    /** The quote answers what the command answers: the same receipt, or the same refusal. */
    private static void assertSameAnswer(List<Object> history, Instant now, Object quote, Object command) {
        Object quoted = answer(history, now, quote);
        Object charged = answer(history, now, command);
        assertThat(quoted).isEqualTo(charged);
    }

    private static Object answer(List<Object> history, Instant now, Object command) {
        AggregateTestFixture<Instance> fixture = new AggregateTestFixture<>(Instance.class);
        fixture.registerInjectableResource(new MutableClock(now.toString()));
        fixture.registerInjectableResource(OFFERS);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(new PurchasePolicy(OFFERS, new InMemoryPurchaseLimits(), CALENDAR));
        AtomicReference<Object> result = new AtomicReference<>();
        var outcome = fixture.given(history).when(command);
        try {
            outcome.expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(matches(payload -> {
                result.set(payload);
                return true;
            }));
        } catch (AssertionError refused) {
            outcome.expectNoEvents().expectException(matches(e -> {
                result.set(((LedgerRejection) e).code());
                return true;
            }));
        }
        return result.get();
    }

    /** Every catalog package, and the customer's custom quote (valid until mid-July) as the last one. */
    private static ResourcePackage pkg(int index) {
        List<ResourcePackage> catalog = CATALOG.packages();
        int choice = index % (catalog.size() + 1);
        return choice == catalog.size() ? P_QUOTED_80M_20 : catalog.get(choice);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.integers().between(0, 2)
                .flatMap(kind -> Arbitraries.integers().between(0, 15)
                        .flatMap(p -> Arbitraries.integers().between(1, 12)
                                .flatMap(m -> Arbitraries.integers().between(0, 2000)
                                        .map(h -> new Step(kind, p, m, h)))))
                .list().ofMaxSize(6);
    }
}
