package org.imagesearch.ledger.query.progress;

import java.util.List;

/**
 * The processing group that holds the read models. Every projection ({@code instance_view},
 * {@code ledger_entry}, {@code proration}, {@code release_deadline}, {@code account_view},
 * {@code custom_quote_view}, {@code notification}) belongs to it, so one processor reads the events
 * once and writes all the read tables of a batch in one transaction, beside one token update
 * (ADR 0010). A replay rebuilds it; a read with {@code minPosition} waits for it.
 */
public final class Projections {

    public static final String READ_MODELS = "read-models";

    public static final List<String> ALL = List.of(READ_MODELS);

    private Projections() {
    }
}
