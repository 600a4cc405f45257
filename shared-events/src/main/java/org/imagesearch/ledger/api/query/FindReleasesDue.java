package org.imagesearch.ledger.api.query;

import java.time.Instant;

/**
 * Retained instances and when they will be released; with {@code dueBefore}, only those released
 * before it. Answers {@link ReleasesDue}.
 */
public record FindReleasesDue(Instant dueBefore) {
}
