package org.imagesearch.ledger.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Stored instants (of events and messages, and in the read models' JSON) read by
 * {@link UtcInstants#canonical} when they are in the form Jackson writes them, and by Jackson's own
 * {@link InstantDeserializer} otherwise: the formatter it uses was about 6% of the read models' time
 * in a replay, and 7% of what a read allocated in the {@code reads} benchmark (docs/benchmarks.md,
 * "Where the time goes"). Registered after Jackson's time module, so that it is found first.
 */
public final class StoredInstants extends StdScalarDeserializer<Instant> {

    private StoredInstants() {
        super(Instant.class);
    }

    /**
     * The deserializer, and a serializer that writes an instant as {@link UtcInstants#text}: the ISO-8601
     * text Jackson's own writes when dates are not written as timestamps (the ledger's mappers all say
     * so), without its formatter, which was 4.5% of what a rebuild of the read models allocated.
     */
    public static SimpleModule module() {
        return new SimpleModule("stored-instants").addDeserializer(Instant.class, new StoredInstants())
                .addSerializer(Instant.class, new Text());
    }

    /** Writes an instant as its canonical ISO-8601 text. */
    private static final class Text extends StdScalarSerializer<Instant> {

        Text() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(UtcInstants.text(value));
        }
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant canonical = UtcInstants.canonical(parser.getText());
            if (canonical != null) {
                return canonical;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
