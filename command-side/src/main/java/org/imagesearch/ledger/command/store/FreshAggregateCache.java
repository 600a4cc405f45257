package org.imagesearch.ledger.command.store;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An aggregate cache that never hands out an instance another node has changed since it was cached.
 *
 * <p>A cached instance saves reading and deserializing its events. With several command nodes,
 * another node may have appended to the instance meanwhile; a command that then appends would
 * collide on the sequence and be retried, but a quote or a refusal would be decided on stale state.
 * So each hit is checked against the event store's last sequence number for the instance (one
 * indexed lookup), and a stale entry is dropped and the instance read afresh.
 */
public class FreshAggregateCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final RecordedEvents recordedEvents;

    public FreshAggregateCache(Cache delegate, RecordedEvents recordedEvents) {
        this.delegate = delegate;
        this.recordedEvents = recordedEvents;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isFresh(String.valueOf(key), entry)) {
            delegate.remove(key);
            return null;
        }
        return value;
    }

    private boolean isFresh(String aggregateIdentifier, AggregateCacheEntry<?> entry) {
        Optional<Long> stored = recordedEvents.lastSequenceOf(aggregateIdentifier);
        return stored.isPresent() && Objects.equals(stored.get(), versionOf(entry));
    }

    /** The sequence number of the last event the cached instance has seen; null if it cannot be read. */
    static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return VERSION == null ? null : (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
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
