package org.imagesearch.ledger.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.imagesearch.ledger.api.UtcInstants;

import java.io.IOException;
import java.time.Instant;

/**
 * The instants of stored events and messages read by {@link UtcInstants#canonical} when they are in
 * the form Jackson writes them, and by Jackson's own {@link InstantDeserializer} otherwise: the
 * formatter it uses was about 6% of the read models' time in a replay (docs/benchmarks.md, "Where
 * the time goes"). Registered after Jackson's time module, so that it is found first.
 */
final class StoredInstants extends StdScalarDeserializer<Instant> {

    private StoredInstants() {
        super(Instant.class);
    }

    static SimpleModule module() {
        return new SimpleModule("stored-instants").addDeserializer(Instant.class, new StoredInstants());
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
