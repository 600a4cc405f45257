package org.imagesearch.ledger.command.quote;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.OfferCustomQuote;
import org.imagesearch.ledger.api.quote.QuoteId;
import org.imagesearch.ledger.command.MutableClock;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

/** The rules of a custom quote: only beyond the catalog, at a positive price, valid until a later date. */
class CustomQuoteTest {

    private static final String NOW = "2026-06-01T00:00:00Z";
    private static final QuoteId QUOTE = new QuoteId("quote-1");
    private static final CustomerId CUSTOMER = new CustomerId("acme");
    private static final Instant VALID_UNTIL = Instant.parse("2026-06-30T00:00:00Z");

    private FixtureConfiguration<CustomQuote> fixture;

    @BeforeEach
    void setUp() throws IOException {
        Catalog catalog;
        try (InputStream json = CustomQuoteTest.class.getResourceAsStream("/catalog/catalog.json")) {
            catalog = Catalog.read(json, "classpath:catalog/catalog.json");
        }
        fixture = new AggregateTestFixture<>(CustomQuote.class);
        fixture.registerInjectableResource(new MutableClock(NOW));
        fixture.registerInjectableResource(new PackageOffers(catalog, id -> Optional.empty()));
    }

    private static OfferCustomQuote offer(long images, int qps, String monthlyPrice, Instant validUntil) {
        return new OfferCustomQuote(QUOTE, CUSTOMER, new PackageSize(images, qps), 20, Money.usd(monthlyPrice),
                validUntil);
    }

    @Test
    void aQuoteWithMoreImagesThanTheLargestPackageIsOffered() {
        fixture.givenNoPriorActivity()
                .when(offer(80_000_000, 10, "30000.00", VALID_UNTIL))
                .expectEvents(new CustomQuoteOffered(QUOTE, CUSTOMER, new ResourcePackage(80_000_000, 10, 20,
                        Money.usd("30000.00"), "custom-quote:quote-1"), VALID_UNTIL, Instant.parse(NOW)));
    }

    @Test
    void aQuoteWithMoreQpsThanTheLargestPackageIsOffered() {
        fixture.givenNoPriorActivity()
                .when(offer(1_000_000, 11, "4000.00", VALID_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(
                        matches(event -> ((CustomQuoteOffered) event).resourcePackage().qps() == 11))));
    }

    @Test
    void aQuoteWithinTheCatalogIsRefusedWithQuoteWithinCatalog() {
        assertRefused(RejectionCode.QUOTE_WITHIN_CATALOG, offer(50_000_000, 10, "20000.00", VALID_UNTIL));
        assertRefused(RejectionCode.QUOTE_WITHIN_CATALOG, offer(3_000_000, 7, "999.00", VALID_UNTIL));
    }

    @Test
    void aQuoteNeedsAPositivePriceAndAPositiveDeleteQps() {
        assertThatThrownBy(() -> offer(80_000_000, 10, "0.00", VALID_UNTIL))
                .isInstanceOfSatisfying(LedgerRejection.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(RejectionCode.VALIDATION));
        assertThatThrownBy(() -> new OfferCustomQuote(QUOTE, CUSTOMER, new PackageSize(80_000_000, 10), 0,
                Money.usd("30000.00"), VALID_UNTIL)).isInstanceOf(LedgerRejection.class);
    }

    @Test
    void aQuoteMustBeValidUntilALaterDate() {
        assertRefused(RejectionCode.VALIDATION, offer(80_000_000, 10, "30000.00", Instant.parse(NOW)));
    }

    private void assertRefused(RejectionCode code, OfferCustomQuote command) {
        fixture.givenNoPriorActivity().when(command)
                .expectNoEvents()
                .expectException(allOf(instanceOf(LedgerRejection.class),
                        matches(e -> ((LedgerRejection) e).code() == code)));
    }
}
