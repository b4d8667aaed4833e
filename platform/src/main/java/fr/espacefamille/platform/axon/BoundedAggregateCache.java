package fr.espacefamille.platform.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache: a bounded Caffeine cache, holding the busy aggregates strongly whatever
 * the garbage collector does, and letting the least useful go beyond its capacity.
 *
 * <p>Axon's {@code WeakReferenceCache} loses every aggregate at each garbage collection, which
 * under load comes every second or so: most commands would load their aggregate from the store
 * again.
 */
final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    BoundedAggregateCache(int capacity) {
        this(capacity, Runnable::run);
    }

    /** With the executor on which Caffeine does its upkeep: the caller's thread by default. */
    BoundedAggregateCache(int capacity, Executor upkeep) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(capacity)
                .executor(upkeep)
                .removalListener((key, value, cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        notify(listener -> listener.onEntryExpired(key));
                    }
                })
                .build();
        this.entries = cache.asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = cache.getIfPresent(key);
        if (value != null) {
            notify(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        boolean existed = entries.put(key, value) != null;
        notify(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            notify(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) cache.get(key, absent -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            notify(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Aggregates held now, once pending evictions are done. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private void notify(Consumer<EntryListener> event) {
        listeners.forEach(event);
    }
}
