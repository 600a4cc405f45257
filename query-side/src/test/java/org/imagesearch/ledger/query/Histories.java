package org.imagesearch.ledger.query;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Proration;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.ExhaustionTrigger;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.imagesearch.ledger.api.instance.ReleaseReason;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds a valid event history of one instance, step by step, for projection tests. */
public final class Histories {

    public static final ResourcePackage SMALL = pkg(2_500_000, 5, "800.00");
    public static final ResourcePackage LARGE = pkg(10_000_000, 10, "5500.00");
    public static final ResourcePackage TRIAL = pkg(100_000, 1, "300.00");

    private final List<Object> events = new ArrayList<>();

    private Histories() {
    }

    public static ResourcePackage pkg(long images, int qps, String price) {
        return new ResourcePackage(images, qps, 20, Money.usd(price), "catalog:test");
    }

    public static Histories purchase(String instance, String customer, ResourcePackage pkg, boolean trial, String at) {
        Histories history = new Histories();
        Instant start = Instant.parse(at);
        Money price = trial ? Money.ZERO : pkg.priceFor(1);
        Term term = new Term(start, start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant(), 1, pkg, price);
        history.events.add(new PackagePurchased(new InstanceId(instance), new CustomerId(customer), pkg, trial, term,
                price, start));
        return history;
    }

    private InstanceSnapshot state() {
        return InstanceSnapshot.replay(events);
    }

    public Histories change(ResourcePackage to, String at) {
        InstanceSnapshot state = state();
        Instant when = Instant.parse(at);
        var rows = Proration.packageChange(state.terms(), when, to);
        Money amount = Proration.amountDue(rows);
        events.add(new PackageChanged(state.instanceId(), state.customerId(), state.packageAt(when), to,
                ChangeDirection.of(amount), when, rows, Proration.ROUNDING, amount));
        return this;
    }

    public Histories renew(int months, String at) {
        InstanceSnapshot state = state();
        Instant when = Instant.parse(at);
        boolean reactivates = state.state() != org.imagesearch.ledger.api.instance.InstanceState.ACTIVE;
        ResourcePackage pkg = reactivates ? state.retainedPackage() : state.lastTerm().resourcePackage();
        Instant start = reactivates ? when : state.periodEnd();
        Term term = new Term(start, start.atZone(ZoneOffset.UTC).plusMonths(months).toInstant(), months, pkg,
                pkg.priceFor(months));
        events.add(new PackageRenewed(state.instanceId(), state.customerId(), term, term.price(), when, reactivates));
        return this;
    }

    public Histories exhaust(String at) {
        InstanceSnapshot state = state();
        Instant when = Instant.parse(at);
        events.add(new QuotaExhausted(state.instanceId(), state.customerId(), ExhaustionTrigger.REQUESTED, "test",
                when, when.plusSeconds(15 * 86_400), state.packageAt(when), state.billingBalance(when)));
        return this;
    }

    public Histories release() {
        InstanceSnapshot state = state();
        events.add(new InstanceReleased(state.instanceId(), state.customerId(), state.releaseAt(),
                ReleaseReason.RETENTION_ENDED));
        return this;
    }

    public List<Object> events() {
        return List.copyOf(events);
    }
}
