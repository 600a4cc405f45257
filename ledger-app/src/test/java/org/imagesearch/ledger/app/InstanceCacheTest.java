package org.imagesearch.ledger.app;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side keeps an instance in memory from one command to its next (ADR 0027). */
class InstanceCacheTest extends LedgerHttpTest {

    @Autowired
    @Qualifier("instanceCache")
    private Cache instanceCache;

    @Test
    void anInstanceJustBoughtIsStillCachedForItsNextCommandAfterGarbageCollections() {
        String id = purchased("cache", 2_500_000, 5, false);
        assertThat(instanceCache.containsKey(id)).isTrue();

        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(instanceCache.containsKey(id)).as("held through the collections").isTrue();
        var upgrade = ledger.changePackage(id, 5_000_000, 10);
        assertThat(upgrade.status()).as(upgrade.toString()).isEqualTo(200);
        assertThat(instanceCache.containsKey(id)).isTrue();
    }

    @Test
    void aRefusedCommandTakesItsInstanceOutOfTheCacheSoNothingItChangedOutlivesIt() {
        String id = purchased("cache", 2_500_000, 5, false);
        assertThat(instanceCache.containsKey(id)).isTrue();

        assertProblem(ledger.changePackage(id, 2_500_000, 5), 409, "SAME_PACKAGE");

        assertThat(instanceCache.containsKey(id)).as("evicted when the refusal rolled back").isFalse();
        var upgrade = ledger.changePackage(id, 5_000_000, 10);
        assertThat(upgrade.status()).as(upgrade.toString()).isEqualTo(200);
        assertThat(upgrade.body().path("from").path("images").asLong()).isEqualTo(2_500_000);
        assertThat(instanceCache.containsKey(id)).isTrue();
    }
}
