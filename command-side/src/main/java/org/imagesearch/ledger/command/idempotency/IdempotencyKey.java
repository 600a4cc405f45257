package org.imagesearch.ledger.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.imagesearch.ledger.api.error.LedgerRejection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key} as one caller sent it, with a hash of the request it came with: the
 * method, the path and the request as the ledger read it (so spacing and field order do not matter,
 * but any value does).
 */
public record IdempotencyKey(String caller, String key, String requestHash) {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** The key of a request, or null when it came without one. */
    public static IdempotencyKey of(String header, Principal caller, String method, String path, Object request) {
        if (header == null) {
            return null;
        }
        if (!FORMAT.matcher(header).matches()) {
            throw LedgerRejection.validation(HEADER + " must be 1-255 visible ASCII characters");
        }
        return new IdempotencyKey(caller == null ? "anonymous" : caller.getName(), header,
                sha256(method + " " + path + "\n" + canonical(request)));
    }

    private static String canonical(Object request) {
        try {
            return CANONICAL.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request that was read can be written", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
