package org.imagesearch.ledger.api;

import org.imagesearch.ledger.api.error.LedgerRejection;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Instants travel as ISO-8601 UTC strings ending in {@code Z}, such as {@code 2026-06-01T00:00:00Z}. */
public final class UtcInstants {

    private static final int[] SCALE = {1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private UtcInstants() {
    }

    /** {@code text} from a caller: an ISO-8601 UTC instant, or a rejection naming {@code field}. */
    public static Instant parse(String text, String field) {
        if (text == null || !text.endsWith("Z")) {
            throw invalid(field);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
    }

    /**
     * An instant the ledger stored: {@link #canonical} when it is in the form the ledger writes, and
     * otherwise as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it (what Axon reads an event's
     * timestamp with), which throws {@link DateTimeParseException} for what is no instant.
     */
    public static Instant stored(CharSequence text) {
        Instant canonical = canonical(text);
        return canonical != null ? canonical : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /**
     * {@code text} read without a {@link DateTimeFormatter} when it is in the one form that Axon's
     * event timestamps and Jackson's instants take, {@code yyyy-MM-ddTHH:mm:ss[.f]Z} with one to nine
     * digits of fraction; null when it is in any other form or names no valid instant. The formatter
     * resolves every field through maps of fields, and a replay read two timestamps per event with it:
     * about 13% of the read models' time (docs/benchmarks.md, "Where the time goes").
     */
    public static Instant canonical(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || length == 21 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fraction = length > 20 ? digits(text, 20, length - 21) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        int nanos = length > 20 ? fraction * SCALE[length - 21] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /**
     * Appends {@code instant} as {@link Instant#toString()} writes it ({@code yyyy-MM-ddTHH:mm:ss}, then
     * the fraction in groups of three digits as far as it needs, then {@code Z}), without a
     * {@link DateTimeFormatter} for the years 0 to 9999: the formatter was a tenth of a rebuild's time in
     * the read models, where each row's instants are written as JSON and as text.
     */
    public static StringBuilder appendTo(StringBuilder text, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
            return text.append(instant);
        }
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2).append('T');
        pad(text, secondOfDay / 3_600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(text, nanos / 1_000, 6);
            } else {
                pad(text, nanos, 9);
            }
        }
        return text.append('Z');
    }

    /** {@code instant} as {@link #appendTo} writes it. */
    public static String text(Instant instant) {
        return appendTo(new StringBuilder(30), instant).toString();
    }

    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400 - 1;

    /** {@code value}, not negative, in at least {@code width} digits (at most nine), zeros in front. */
    private static StringBuilder pad(StringBuilder text, int value, int width) {
        for (int bound = POWERS_OF_TEN[width - 1]; bound > 1 && value < bound; bound /= 10) {
            text.append('0');
        }
        return text.append(value);
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    /** The {@code count} decimal digits at {@code from} as a number, or -1 if one is no digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static LedgerRejection invalid(String field) {
        return LedgerRejection.validation(field + " must be an ISO-8601 UTC instant such as 2026-06-01T00:00:00Z");
    }
}
