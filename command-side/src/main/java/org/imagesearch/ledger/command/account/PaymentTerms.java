package org.imagesearch.ledger.command.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a charge is due ({@code ledger.payments.term} after it), and how long after its due date an
 * unpaid charge's instance is released ({@code ledger.payments.release-after}).
 */
public record PaymentTerms(Duration term, Duration releaseAfter) {

    public PaymentTerms {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(releaseAfter, "releaseAfter");
        if (term.isNegative() || releaseAfter.isNegative()) {
            throw new IllegalArgumentException("ledger.payments.term and release-after may not be negative");
        }
    }

    public Instant dueAt(Instant chargedAt) {
        return chargedAt.plus(term);
    }

    public Instant releaseAt(Instant dueAt) {
        return dueAt.plus(releaseAfter);
    }
}
