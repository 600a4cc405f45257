package org.imagesearch.ledger.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Stored decimals (money amounts, which the ledger writes as strings such as {@code "3290.00"}) read
 * by {@link BigDecimal}'s own parser when they are in that plain form, and by Jackson's deserializer
 * otherwise. Jackson checks every decimal string against a regular expression before it parses it:
 * about a seventh of what deserializing an event cost in a rebuild of the read models (ADR 0029).
 */
public final class StoredDecimals extends StdScalarDeserializer<BigDecimal> {

    private StoredDecimals() {
        super(BigDecimal.class);
    }

    public static SimpleModule module() {
        return new SimpleModule("stored-decimals").addDeserializer(BigDecimal.class, new StoredDecimals());
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            String text = parser.getText();
            if (plain(text)) {
                return new BigDecimal(text);
            }
        }
        return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
    }

    /** Whether {@code text} is {@code -?[0-9]+(\.[0-9]+)?}, which {@code BigDecimal} reads as Jackson does. */
    static boolean plain(String text) {
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < length && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == length) {
            return true;
        }
        if (text.charAt(i) != '.' || i == length - 1) {
            return false;
        }
        for (i++; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
