package org.imagesearch.ledger.app.config;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The identifiers Axon gives messages, events among them: UUIDs of version 7, whose first 48 bits are
 * the wall-clock millisecond they were made in and the other 74 bits random (ADR 0017). Found by
 * Axon's {@link IdentifierFactory#getInstance()} through {@code META-INF/services}.
 *
 * <p>An event's identifier is a key of the event table and of the read tables built from events
 * (ledger entries, prorations, notices). Random keys land on a random page of each of those indexes,
 * so every commit rewrote pages all over them; identifiers made in the same moment land together,
 * at the end of the index, the way the event table's global index does. Nothing reads time from an
 * identifier: business time is the events' own, from the business clock.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private static final long VERSION_7 = 0x7000L;
    /** The 12 random bits that follow the version in the high half (RFC 9562's {@code rand_a}). */
    private static final long RAND_A = 0x0FFFL;

    private final LongSupplier wallMillis;

    /** What {@code ServiceLoader} calls: the system's wall clock. */
    public TimeOrderedIdentifiers() {
        this(System::currentTimeMillis);
    }

    TimeOrderedIdentifiers(LongSupplier wallMillis) {
        this.wallMillis = wallMillis;
    }

    @Override
    public String generateIdentifier() {
        UUID random = UUID.randomUUID();
        long high = wallMillis.getAsLong() << 16 | VERSION_7 | random.getMostSignificantBits() & RAND_A;
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }
}
