package org.imagesearch.ledger.command.instance;

import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Calendar arithmetic in the billing zone (UTC by default): a term of N months ends at
 * {@code start.plusMonths(N)} there (Jan 31 + 1 month = Feb 28/29), and the monthly purchase limit
 * counts calendar months there.
 */
public record BillingCalendar(ZoneId zone) {

    /** How long a retained instance is kept after its quota ran out. */
    public static final Period RETENTION = Period.ofDays(15);

    public static BillingCalendar utc() {
        return new BillingCalendar(ZoneId.of("UTC"));
    }

    public Instant plusMonths(Instant start, int months) {
        return start.atZone(zone).plusMonths(months).toInstant();
    }

    public Instant releaseAfterRetention(Instant exhaustedAt) {
        return exhaustedAt.atZone(zone).plus(RETENTION).toInstant();
    }

    public YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }
}
