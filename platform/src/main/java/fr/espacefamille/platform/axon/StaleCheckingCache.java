package fr.espacefamille.platform.axon;

import fr.espacefamille.platform.eventstore.MongoEventStorageEngine;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache of a node that shares its store with other nodes: before a cached
 * aggregate is used, one lookup by unique key checks that no other node has appended to it
 * since; if one has, the entry is dropped and the aggregate is loaded from the store.
 *
 * <p>A command that records events would find out anyway, through the unique sequence key, and
 * be retried. This check is for the commands that record nothing: one that finds nothing to
 * change, or a refusal. Decided on a stale aggregate, they would answer "unchanged" or "already
 * booked" for a state that no longer holds.
 *
 * <p>Axon's cache entry keeps the aggregate's version in a private field, read here once per
 * use; a version of Axon without it fails at start-up, not silently.
 */
final class StaleCheckingCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final MongoEventStorageEngine store;

    StaleCheckingCache(Cache delegate, MongoEventStorageEngine store) {
        this.delegate = delegate;
        this.store = store;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && isStale(key, entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean isStale(Object key, AggregateCacheEntry<?> entry) {
        Long version = versionOf(entry);
        return version != null && store.hasEventAt(key.toString(), version + 1);
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the version of a cached aggregate", e);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new AxonConfigurationException("This version of Axon keeps no version in its aggregate cache "
                                                         + "entries; the stale check of the cache needs one", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }
}
