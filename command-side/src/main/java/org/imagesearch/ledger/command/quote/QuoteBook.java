package org.imagesearch.ledger.command.quote;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.QuoteId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * The custom quotes the command side prices with: {@code custom_quote}, written by a subscribing
 * processor in the transaction that records each offer.
 */
@ProcessingGroup(QuoteBook.PROCESSING_GROUP)
public class QuoteBook implements QuoteLookup {

    public static final String PROCESSING_GROUP = "custom-quote-book";

    private final JdbcTemplate jdbc;

    public QuoteBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CustomQuoteOffered offered) {
        ResourcePackage pkg = offered.resourcePackage();
        jdbc.update("INSERT INTO custom_quote (quote_id, customer_id, images, qps, delete_qps, monthly_price, valid_until)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", offered.quoteId().value(), offered.customerId().value(),
                pkg.images(), pkg.qps(), pkg.deleteQps(), pkg.monthlyPrice().amount(),
                Timestamp.from(offered.validUntil()));
    }

    @Override
    public Optional<Entry> find(QuoteId quoteId) {
        return jdbc.query("SELECT customer_id, images, qps, delete_qps, monthly_price, valid_until FROM custom_quote"
                        + " WHERE quote_id = ?",
                (rs, row) -> new Entry(quoteId, new CustomerId(rs.getString(1)),
                        new ResourcePackage(rs.getLong(2), rs.getInt(3), rs.getInt(4), Money.usd(rs.getBigDecimal(5)),
                                ResourcePackage.QUOTE_OFFER + quoteId.value()),
                        rs.getTimestamp(6).toInstant()),
                quoteId.value()).stream().findFirst();
    }
}
