package org.imagesearch.ledger.command.store;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command side's instance cache: the instances used last, held until newer ones push them out. */
class RecentInstancesCacheTest {

    @Test
    void aCachedInstanceOutlivesGarbageCollections() {
        RecentInstancesCache cache = new RecentInstancesCache(10);
        cache.put("instance-1", new byte[1024]); // held by nothing but the cache

        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(cache.<String, byte[]>get("instance-1")).hasSize(1024);
    }

    @Test
    void theLeastRecentlyUsedInstanceGoesWhenANewOneComesToAFullCache() {
        RecentInstancesCache cache = new RecentInstancesCache(2);
        List<String> heard = heard(cache);
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat(cache.<String, String>get("a")).isEqualTo("A"); // a is now the more recent

        cache.put("c", "C");

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(heard).containsExactly("expired b");
    }

    @Test
    void putIfAbsentKeepsTheFirstValueAndRemoveSaysWhetherThereWasOne() {
        RecentInstancesCache cache = new RecentInstancesCache(5);

        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat(cache.<String, String>get("a")).isEqualTo("first");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();
    }

    @Test
    void computeIfPresentChangesOnlyAnEntryThatIsThere() {
        RecentInstancesCache cache = new RecentInstancesCache(5);
        cache.put("a", "x");

        cache.<String>computeIfPresent("a", value -> value + "y");
        cache.<String>computeIfPresent("b", value -> value + "y");

        assertThat(cache.<String, String>get("a")).isEqualTo("xy");
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void removeAllEmptiesItAndTellsTheListeners() {
        RecentInstancesCache cache = new RecentInstancesCache(5);
        List<String> heard = heard(cache);
        cache.put("a", "A");
        cache.put("b", "B");

        cache.removeAll();

        assertThat(cache.size()).isZero();
        assertThat(heard).containsExactlyInAnyOrder("removed a", "removed b");
    }

    @Test
    void aCacheForNoInstancesIsRefused() {
        assertThatThrownBy(() -> new RecentInstancesCache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }

    /** What the cache's listeners are told of entries leaving it, as "expired KEY" or "removed KEY". */
    private static List<String> heard(RecentInstancesCache cache) {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        return heard;
    }
}
