package org.imagesearch.ledger.app.config;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    /** The low half: RFC 9562's variant (binary 10) in its top two bits, 62 random bits after it. */
    private static final long VARIANT_BITS = 0x3FFFFFFFFFFFFFFFL;
    private static final long VARIANT_2 = 0x8000000000000000L;

    private final LongSupplier wallMillis;

    /** What {@code ServiceLoader} calls: the system's wall clock. */
    public TimeOrderedIdentifiers() {
        this(System::currentTimeMillis);
    }

    TimeOrderedIdentifiers(LongSupplier wallMillis) {
        this.wallMillis = wallMillis;
    }

    /**
     * The random bits come from the thread's own generator: an identifier must be unique, not
     * unguessable, and {@code UUID.randomUUID()} draws on one shared {@code SecureRandom}, under a lock,
     * for every message and every request's correlation id ({@code CorrelationFilter}).
     */
    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = wallMillis.getAsLong() << 16 | VERSION_7 | random.nextLong() & RAND_A;
        long low = random.nextLong() & VARIANT_BITS | VARIANT_2;
        return new UUID(high, low).toString();
    }
}
