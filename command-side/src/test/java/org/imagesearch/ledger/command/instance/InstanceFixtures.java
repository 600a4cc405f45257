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
import org.imagesearch.ledger.api.quote.QuoteId;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.imagesearch.ledger.command.quote.PackageOffers;
import org.imagesearch.ledger.command.quote.QuoteLookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** A custom quote for {@link #CUSTOMER}: 80M images at 20 QPS, 30,000.00 a month, valid until July 15. */
    static final QuoteId QUOTE = new QuoteId("quote-acme-80m");
    static final ResourcePackage P_QUOTED_80M_20 = new ResourcePackage(80_000_000, 20, 20, Money.usd("30000.00"),
            ResourcePackage.QUOTE_OFFER + QUOTE.value());
    static final String QUOTE_VALID_UNTIL = "2026-07-15T00:00:00Z";
    /** A custom quote offered to another customer. */
    static final QuoteId OTHERS_QUOTE = new QuoteId("quote-globex-60m");
    static final QuoteLookup QUOTES = id -> Optional.ofNullable(Map.of(
            QUOTE, new QuoteLookup.Entry(QUOTE, CUSTOMER, P_QUOTED_80M_20, Instant.parse(QUOTE_VALID_UNTIL)),
            OTHERS_QUOTE, new QuoteLookup.Entry(OTHERS_QUOTE, new CustomerId("globex"),
                    new ResourcePackage(60_000_000, 10, 20, Money.usd("25000.00"),
                            ResourcePackage.QUOTE_OFFER + OTHERS_QUOTE.value()),
                    Instant.parse(QUOTE_VALID_UNTIL))).get(id));
    static final PackageOffers OFFERS = new PackageOffers(CATALOG, QUOTES);

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
