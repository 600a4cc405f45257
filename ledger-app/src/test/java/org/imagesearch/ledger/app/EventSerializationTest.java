package org.imagesearch.ledger.app;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.imagesearch.ledger.api.account.Allocation;
import org.imagesearch.ledger.api.account.CreditGranted;
import org.imagesearch.ledger.api.account.PaymentOverdue;
import org.imagesearch.ledger.api.account.PaymentReceived;
import org.imagesearch.ledger.api.account.ReceivableDefaulted;
import org.imagesearch.ledger.api.account.ReceivableOpened;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.QuoteId;
import org.imagesearch.ledger.api.billing.Proration;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.ExhaustionTrigger;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.imagesearch.ledger.api.instance.ReleaseReason;
import org.imagesearch.ledger.app.config.StorageConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.SimpleSerializedObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event survives the event store's serializer unchanged, as plain JSON with revision 1. */
class EventSerializationTest {

    private static final Serializer SERIALIZER = new StorageConfiguration().serializer();

    static Stream<Object> events() {
        InstanceId instance = new InstanceId("i-1");
        CustomerId customer = new CustomerId("acme");
        ResourcePackage small = new ResourcePackage(2_500_000, 5, 20, Money.usd("800.00"), "catalog:2020-05-18");
        ResourcePackage large = new ResourcePackage(10_000_000, 10, 20, Money.usd("5500.00"), "catalog:2020-05-18");
        Instant june1 = Instant.parse("2026-06-01T00:00:00Z");
        Instant july1 = Instant.parse("2026-07-01T00:00:00Z");
        Instant june10 = Instant.parse("2026-06-10T00:00:00Z");
        Term term = new Term(june1, july1, 1, small, Money.usd("800.00"));
        TermProration row = new TermProration(june1, july1, 1, Money.usd("800.00"), Money.usd("5500.00"), 1_814_400,
                2_592_000);
        return Stream.of(
                new PackagePurchased(instance, customer, small, false, term, Money.usd("800.00"), june1),
                new PackageChanged(instance, customer, small, large, ChangeDirection.UPGRADE, june10, List.of(row),
                        Proration.ROUNDING, Money.usd("3290.00")),
                new PackageRenewed(instance, customer, new Term(july1, Instant.parse("2026-08-01T00:00:00Z"), 1, large,
                        Money.usd("5500.00")), Money.usd("5500.00"), june10, false),
                new QuotaExhausted(instance, customer, ExhaustionTrigger.REQUESTED, "used up", june10,
                        Instant.parse("2026-06-25T00:00:00Z"), large, Money.usd("9460.00")),
                new InstanceReleased(instance, customer, Instant.parse("2026-06-25T00:00:00Z"),
                        ReleaseReason.RETENTION_ENDED),
                new InstanceReleased(instance, customer, june10, ReleaseReason.PAYMENT_OVERDUE),
                new CustomQuoteOffered(new QuoteId("quote-1"), customer, new ResourcePackage(80_000_000, 20, 20,
                        Money.usd("30000.00"), "custom-quote:quote-1"), july1, june1),
                new ReceivableOpened(customer, "r-1", instance, Money.usd("800.00"), june1,
                        Instant.parse("2026-06-08T00:00:00Z"), List.of(new Allocation("r-1", instance,
                        Money.usd("100.00"), Money.usd("700.00")))),
                new PaymentReceived(customer, "wire-1", Money.usd("1000.00"), june10, List.of(new Allocation("r-1",
                        instance, Money.usd("700.00"), Money.ZERO)), Money.usd("300.00")),
                new CreditGranted(customer, "c-1", instance, Money.usd("3290.00"), june10, List.of(),
                        Money.usd("3290.00")),
                new PaymentOverdue(customer, "r-1", instance, Money.usd("700.00"), Instant.parse("2026-06-08T00:00:00Z"),
                        Instant.parse("2026-06-23T00:00:00Z")),
                new ReceivableDefaulted(customer, "r-1", instance, Money.usd("700.00"),
                        Instant.parse("2026-06-23T00:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventRoundTripsThroughTheEventSerializer(Object event) {
        SerializedObject<byte[]> stored = SERIALIZER.serialize(event, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").doesNotContain("\"zero\"").doesNotContain("\"negative\"");
        assertThat(json).contains("\"customerId\":\"acme\"");
        if (!(event instanceof CustomQuoteOffered)) {
            assertThat(json).contains("\"instanceId\":\"i-1\"");
        }
        assertThat(json).as("derived values are not stored").doesNotContain("\"occurredAt\"")
                .doesNotContain("\"settlesIt\"");
        Object read = SERIALIZER.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    /**
     * Instants are read by the ledger's own reading when Jackson wrote them and by Jackson's otherwise:
     * either way, as Jackson alone reads them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"2026-06-10T00:00:00Z\"", "\"2026-06-10T00:00:00.5Z\"",
            "\"2026-06-10T00:00:00.123456789Z\"", "\"2026-06-10T02:00:00+02:00\"", "1780272000.25", "1780272000"})
    void aStoredInstantReadsAsJacksonAloneReadsIt(String json) throws Exception {
        Instant jacksons = JsonMapper.builder().addModule(new JavaTimeModule()).build().readValue(json, Instant.class);

        Object read = SERIALIZER.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, Instant.class.getName(), null));

        assertThat(read).isEqualTo(jacksons);
        ObjectMapper mapper = ((JacksonSerializer) SERIALIZER).getObjectMapper();
        assertThat(((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null)
                .findRootValueDeserializer(mapper.constructType(Instant.class)).getClass().getSimpleName())
                .isEqualTo("StoredInstants");
    }

    /** Instants are written by the ledger's own writing as Jackson alone writes them (dates not as timestamps). */
    @ParameterizedTest
    @ValueSource(strings = {"2026-06-10T00:00:00Z", "2026-06-10T00:00:00.500Z", "2026-06-10T00:00:00.123456789Z",
            "1969-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void aStoredInstantIsWrittenAsJacksonAloneWritesIt(String text) throws Exception {
        Instant instant = Instant.parse(text);
        String jacksons = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build().writeValueAsString(instant);

        String written = new String(SERIALIZER.serialize(instant, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(jacksons);
    }
}
