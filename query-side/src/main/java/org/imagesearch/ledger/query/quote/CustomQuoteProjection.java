package org.imagesearch.ledger.query.quote;

import org.imagesearch.ledger.query.progress.Projections;
import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.query.CustomQuotes;
import org.imagesearch.ledger.api.query.FindCustomQuotes;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.QuoteId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** The custom quotes offered to each customer, with their status by the business clock: {@code custom_quote_view}. */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class CustomQuoteProjection {

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;
    private final Clock clock;

    public CustomQuoteProjection(JdbcTemplate jdbc, PendingWrites writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    @EventHandler
    void on(CustomQuoteOffered event) {
        ResourcePackage offered = event.resourcePackage();
        writes.write("custom_quote_view", "INSERT INTO custom_quote_view (quote_id, customer_id, images, qps, delete_qps, monthly_price,"
                        + " valid_until, offered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", event.quoteId().value(),
                event.customerId().value(), offered.images(), offered.qps(), offered.deleteQps(),
                offered.monthlyPrice().amount(), Timestamp.from(event.validUntil()),
                Timestamp.from(event.offeredAt()));
    }

    @ResetHandler
    void reset() {
        ReadTables.clear(jdbc, "custom_quote_view");
    }

    /** Newest first; a quote is {@code VALID} while the business clock is before its {@code validUntil}. */
    @QueryHandler
    public CustomQuotes handle(FindCustomQuotes query) {
        Instant now = clock.instant();
        return new CustomQuotes(jdbc.query("SELECT quote_id, customer_id, images, qps, delete_qps, monthly_price,"
                        + " valid_until, offered_at FROM custom_quote_view WHERE customer_id = ?"
                        + " ORDER BY offered_at DESC, quote_id",
                (rs, row) -> {
                    Instant validUntil = rs.getTimestamp(7).toInstant();
                    return new CustomQuotes.Item(new QuoteId(rs.getString(1)), new CustomerId(rs.getString(2)),
                            rs.getLong(3), rs.getInt(4), rs.getInt(5), Money.usd(rs.getBigDecimal(6)), validUntil,
                            rs.getTimestamp(8).toInstant(),
                            now.isBefore(validUntil) ? CustomQuotes.Status.VALID : CustomQuotes.Status.EXPIRED);
                }, query.customerId().value()));
    }
}
