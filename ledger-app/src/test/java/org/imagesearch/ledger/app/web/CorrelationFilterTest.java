package org.imagesearch.ledger.app.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A correlation id the ledger makes up is a random UUID, version 4, and one of its own. */
class CorrelationFilterTest {

    @Test
    void aNewCorrelationIdIsARandomUuidNeverMadeBefore() {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = CorrelationFilter.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            made.add(id);
        }
        assertThat(made).hasSize(100_000);
    }
}
