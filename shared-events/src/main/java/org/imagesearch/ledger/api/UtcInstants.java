package org.imagesearch.ledger.api;

import org.imagesearch.ledger.api.error.LedgerRejection;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants travel as ISO-8601 UTC strings ending in {@code Z}, such as {@code 2026-06-01T00:00:00Z}. */
public final class UtcInstants {

    private UtcInstants() {
    }

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

    private static LedgerRejection invalid(String field) {
        return LedgerRejection.validation(field + " must be an ISO-8601 UTC instant such as 2026-06-01T00:00:00Z");
    }
}
