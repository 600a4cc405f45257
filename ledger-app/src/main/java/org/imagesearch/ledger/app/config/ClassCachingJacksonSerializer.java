package org.imagesearch.ledger.app.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, with the class of each serialized type looked up once. Axon looks it up
 * by name at every deserialization, and again at every look at a message's payload type, through
 * {@code Class.forName}: about a seventh of what deserializing an event cost in a rebuild of the read
 * models (ADR 0029). A type whose class is not found is looked up again next time, as Axon does.
 */
final class ClassCachingJacksonSerializer extends JacksonSerializer {

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    ClassCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type);
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type, found);
        }
        return found;
    }
}
