package org.imagesearch.ledger.app.config;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Message identifiers are version 7 UUIDs: ordered by the millisecond they were made in (ADR 0017). */
class TimeOrderedIdentifiersTest {

    @Test
    void anIdentifierIsAVersion7UuidCarryingItsMillisecond() {
        long millis = 1_795_000_000_123L;
        UUID id = UUID.fromString(new TimeOrderedIdentifiers(() -> millis).generateIdentifier());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void identifiersOfALaterMillisecondSortAfterEarlierOnesAsText() {
        AtomicLong millis = new AtomicLong(1_795_000_000_000L);
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers(millis::get);
        String previous = identifiers.generateIdentifier();
        for (int i = 0; i < 1000; i++) {
            millis.addAndGet(1 + i % 3);
            String next = identifiers.generateIdentifier();
            assertThat(next).as("made a millisecond or more after " + previous).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void identifiersOfOneMillisecondDifferInTheirRandomBits() {
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers(() -> 1_795_000_000_000L);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(identifiers.generateIdentifier());
        }
        assertThat(made).hasSize(100_000);
    }

    @Test
    void axonGivesEventsTimeOrderedIdentifiers() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("an event").getIdentifier());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
