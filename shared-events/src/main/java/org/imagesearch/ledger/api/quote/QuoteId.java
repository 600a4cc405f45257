package org.imagesearch.ledger.api.quote;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.imagesearch.ledger.api.IdFormat;

import java.util.UUID;

/** A custom quote, offered by an operator to one customer. */
public record QuoteId(@JsonValue String value) {

    @JsonCreator
    public QuoteId {
        IdFormat.require(value, "quoteId");
    }

    public static QuoteId random() {
        return new QuoteId("quote-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
