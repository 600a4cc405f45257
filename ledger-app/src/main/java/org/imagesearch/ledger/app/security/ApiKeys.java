package org.imagesearch.ledger.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The keys callers present as {@code Authorization: Bearer <key>}. Only their SHA-256 hashes are
 * kept; a presented key is hashed and compared with every known hash in constant time, so neither the
 * key nor how much of it matched leaks through timing.
 */
public final class ApiKeys {

    /** A known key: its role, its hash, and a short public id (the first hex digits of the hash). */
    public record Key(Role role, byte[] hash, String id) {

        /** How the caller is named in event metadata and the audit trail, never showing the key. */
        public String caller() {
            return role.label() + ":" + id;
        }
    }

    private final List<Key> keys;

    private ApiKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Reads {@code role:key,role:key,...}; blank means no keys. */
    public static ApiKeys parse(String configured) {
        List<Key> keys = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            for (String entry : configured.split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0 || colon == entry.trim().length() - 1) {
                    throw new IllegalStateException("ledger.api-keys (LEDGER_API_KEYS) must read role:key,role:key,...");
                }
                keys.add(key(Role.parse(entry.substring(0, colon)), entry.substring(colon + 1).trim()));
            }
        }
        return new ApiKeys(keys);
    }

    public static Key key(Role role, String secret) {
        byte[] hash = sha256(secret);
        return new Key(role, hash, HexFormat.of().formatHex(hash).substring(0, 12));
    }

    public ApiKeys with(Key key) {
        List<Key> more = new ArrayList<>(keys);
        more.add(key);
        return new ApiKeys(more);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The key matching {@code presented}, comparing against every known key, all the way. */
    public Optional<Key> match(String presented) {
        byte[] hash = sha256(presented);
        Key found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.hash(), hash) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Each thread's own digest: looking one up among the security providers at every request cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    });

    private static byte[] sha256(String text) {
        return SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
