package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Proration;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.PackageSize;
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
import org.imagesearch.ledger.command.catalog.Catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Histories of instances to start aggregate tests from, built from the real catalog. */
final class InstanceFixtures {

    static final Catalog CATALOG = loadCatalog();
    static final BillingCalendar CALENDAR = BillingCalendar.utc();
    static final InstanceId INSTANCE = new InstanceId("instance-1");
    static final CustomerId CUSTOMER = new CustomerId("acme");

    static final ResourcePackage TRIAL_PACKAGE = pkg(100_000, 1);
    static final ResourcePackage P_2_5M_5 = pkg(2_500_000, 5);
    static final ResourcePackage P_10M_10 = pkg(10_000_000, 10);
    static final ResourcePackage P_50M_10 = pkg(50_000_000, 10);

    private InstanceFixtures() {
    }

    static ResourcePackage pkg(long images, int qps) {
        return CATALOG.resolve(new PackageSize(images, qps));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Term term(String start, int months, ResourcePackage resourcePackage, Money price) {
        Instant from = at(start);
        return new Term(from, CALENDAR.plusMonths(from, months), months, resourcePackage, price);
    }

    /** A paid one-month purchase made at {@code start}. */
    static PackagePurchased purchased(ResourcePackage resourcePackage, String start) {
        Term term = term(start, 1, resourcePackage, resourcePackage.priceFor(1));
        return new PackagePurchased(INSTANCE, CUSTOMER, resourcePackage, false, term, term.price(), term.start());
    }

    static PackagePurchased trialPurchased(String start) {
        Term term = term(start, 1, TRIAL_PACKAGE, Money.ZERO);
        return new PackagePurchased(INSTANCE, CUSTOMER, TRIAL_PACKAGE, true, term, Money.ZERO, term.start());
    }

    /** The renewal an active instance with this history would record at {@code at}. */
    static PackageRenewed renewed(List<Object> history, int months, ResourcePackage resourcePackage, String at) {
        InstanceSnapshot state = InstanceSnapshot.replay(history);
        Instant start = state.periodEnd();
        Term term = new Term(start, CALENDAR.plusMonths(start, months), months, resourcePackage,
                resourcePackage.priceFor(months));
        return new PackageRenewed(INSTANCE, CUSTOMER, term, term.price(), at(at), false);
    }

    static PackageChanged changed(List<Object> history, ResourcePackage to, String at) {
        InstanceSnapshot state = InstanceSnapshot.replay(history);
        Instant when = at(at);
        var rows = Proration.packageChange(state.terms(), when, to);
        Money amount = Proration.amountDue(rows);
        return new PackageChanged(INSTANCE, CUSTOMER, state.packageAt(when), to, ChangeDirection.of(amount), when,
                rows, Proration.ROUNDING, amount);
    }

    static QuotaExhausted exhausted(List<Object> history, String at) {
        InstanceSnapshot state = InstanceSnapshot.replay(history);
        Instant when = at(at);
        return new QuotaExhausted(INSTANCE, CUSTOMER, ExhaustionTrigger.REQUESTED, "quota used up", when,
                CALENDAR.releaseAfterRetention(when), state.packageAt(when), state.billingBalance(when));
    }

    static InstanceReleased released(QuotaExhausted exhausted) {
        return new InstanceReleased(INSTANCE, CUSTOMER, exhausted.releaseAt(), ReleaseReason.RETENTION_ENDED);
    }

    private static Catalog loadCatalog() {
        try (InputStream json = InstanceFixtures.class.getResourceAsStream("/catalog/catalog.json")) {
            return Catalog.read(json, "classpath:catalog/catalog.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
