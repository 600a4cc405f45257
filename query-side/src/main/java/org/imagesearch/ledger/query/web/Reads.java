package org.imagesearch.ledger.query.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.imagesearch.ledger.api.UtcInstants;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.query.progress.Projections;
import org.imagesearch.ledger.query.progress.ReadConsistency;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** What every read endpoint does first and last: parse its instants, wait for consistency, ask the query bus. */
@Component
public class Reads {

    private final QueryGateway queries;
    private final ReadConsistency consistency;
    private final Clock clock;

    public Reads(QueryGateway queries, ReadConsistency consistency, Clock clock) {
        this.queries = queries;
        this.consistency = consistency;
        this.clock = clock;
    }

    /** Waits until the read models have reached {@code minPosition}, or refuses. */
    public void consistentWith(Long minPosition) {
        consistency.await(Projections.ALL, minPosition);
    }

    /** An optional {@code asOf}: a UTC instant no later than the business clock's now. */
    public Instant asOf(String text) {
        if (text == null) {
            return null;
        }
        Instant asOf = UtcInstants.parse(text, "asOf");
        if (asOf.isAfter(clock.instant())) {
            throw LedgerRejection.validation("asOf must not be later than now (" + clock.instant() + ")");
        }
        return asOf;
    }

    public <R> Optional<R> optional(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    public <R> R one(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
