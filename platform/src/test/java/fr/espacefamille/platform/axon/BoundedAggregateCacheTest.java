package fr.espacefamille.platform.axon;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate cache keeps the most recently used aggregates, whatever the garbage collector does. */
class BoundedAggregateCacheTest {

    private final BoundedAggregateCache cache = new BoundedAggregateCache(2);

    @Test
    void keepsItsAggregatesThroughAGarbageCollection() {
        cache.put("D-1", new Object());

        System.gc();

        assertThat(cache.containsKey("D-1")).isTrue();
    }

    @Test
    void keepsNoMoreAggregatesThanItsCapacityAndSaysWhichItForgot() {
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("D-1", "one");
        cache.put("D-2", "two");

        cache.put("D-3", "three");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(expired).singleElement().satisfies(key -> assertThat(cache.containsKey(key)).isFalse());
    }

    @Test
    void updatesOnlyWhatIsPresentAndRemovesOnANullUpdate() {
        cache.put("D-1", "one");

        cache.<String>computeIfPresent("D-1", value -> value + "!");
        cache.<String>computeIfPresent("D-9", value -> "never");
        cache.<String>computeIfPresent("D-1", value -> null);

        assertThat(cache.containsKey("D-9")).isFalse();
        assertThat(cache.containsKey("D-1")).isFalse();
        assertThat(cache.putIfAbsent("D-1", "again")).isTrue();
        assertThat(cache.putIfAbsent("D-1", "twice")).isFalse();
    }
}
