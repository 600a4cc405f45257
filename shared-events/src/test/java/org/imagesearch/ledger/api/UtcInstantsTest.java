package org.imagesearch.ledger.api;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's own reading of stored instants agrees with the JDK's formatters on every instant
 * written as Axon and Jackson write them, and leaves every other form to the formatter.
 */
class UtcInstantsTest {

    /** Years 1000 to 9999, with every length of fraction the formatters write. */
    @Property(tries = 2000)
    void aCanonicalInstantReadsAsTheFormattersReadIt(
            @ForAll @LongRange(min = -30_610_224_000L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 9) int digits) {
        Instant instant = withDigits(epochSecond, nanos, digits);
        String text = DateTimeFormatter.ISO_INSTANT.format(instant); // drops trailing zeros in threes
        String padded = withFraction(instant, digits);

        assertThat(UtcInstants.canonical(text)).isEqualTo(instant);
        assertThat(UtcInstants.canonical(padded)).as(padded).isEqualTo(instant);
        assertThat(UtcInstants.stored(padded)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(padded,
                Instant::from));
    }

    /** The instant at {@code epochSecond} with the first {@code digits} digits of {@code nanos} as its fraction. */
    private static Instant withDigits(long epochSecond, int nanos, int digits) {
        int kept = digits == 0 ? 0 : nanos / (int) Math.pow(10, 9 - digits) * (int) Math.pow(10, 9 - digits);
        return Instant.ofEpochSecond(epochSecond, kept);
    }

    private static String withFraction(Instant instant, int digits) {
        String seconds = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(instant.getEpochSecond()));
        if (digits == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
        return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
    }

    @Test
    void anInstantWithAnOffsetIsLeftToTheFormatter() {
        assertThat(UtcInstants.canonical("2026-06-01T02:00:00+02:00")).isNull();
        assertThat(UtcInstants.stored("2026-06-01T02:00:00+02:00")).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(UtcInstants.stored("2026-06-01t00:00:00.5z")).isEqualTo(Instant.parse("2026-06-01T00:00:00.5Z"));
        assertThat(UtcInstants.canonical("2026-06-01T00:00:00.Z")).isNull();
        assertThat(UtcInstants.stored("2026-06-01T00:00:00.Z")).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void whatIsNoInstantIsNoCanonicalInstantAndFailsToBeRead() {
        for (String text : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-06-01T24:00:00Z",
                "2026-06-01T00:60:00Z", "2026-06-01T00:00:60Z", "2026-06-01T00:00:0aZ",
                "2026-06-01 00:00:00Z", "2026-06-01T00:00:00.1234567890Z"}) {
            assertThat(UtcInstants.canonical(text)).as(text).isNull();
            assertThatThrownBy(() -> UtcInstants.stored(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    /** Any instant at all, with every length of fraction: the ledger writes it as the JDK does. */
    @Property(tries = 3000)
    void anInstantIsWrittenAsTheJdkWritesIt(
            @ForAll @LongRange(min = -100_000_000_000L, max = 300_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 9) int digits) {
        Instant instant = withDigits(epochSecond, nanos, digits);

        assertThat(UtcInstants.text(instant)).isEqualTo(instant.toString());
    }

    @Test
    void theEdgesOfTheFourDigitYearsAreWrittenAsTheJdkWritesThem() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "-0001-12-31T23:59:59.999999999Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.000001Z", "2026-06-01T00:00:00.100Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(UtcInstants.text(instant)).as(text).isEqualTo(instant.toString());
        }
    }
}
