package org.imagesearch.ledger.api.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.imagesearch.ledger.api.IdFormat;

/** The account that buys packages. */
public record CustomerId(@JsonValue String value) {

    @JsonCreator
    public CustomerId {
        IdFormat.require(value, "customerId");
    }

    @Override
    public String toString() {
        return value;
    }
}
