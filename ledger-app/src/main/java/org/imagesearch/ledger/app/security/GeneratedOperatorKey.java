package org.imagesearch.ledger.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * When no keys are configured, the ledger makes one operator key at its first start, prints it once,
 * and keeps it in {@code <ledger.data-dir>/operator-api-key} (readable by its owner only), where later
 * starts find it again.
 */
public final class GeneratedOperatorKey {

    public static final String FILE_NAME = "operator-api-key";
    private static final Logger log = LoggerFactory.getLogger(GeneratedOperatorKey.class);

    private GeneratedOperatorKey() {
    }

    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                log.info("No API keys configured; the operator key is in {}", file);
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict {} to its owner on this file system", file);
            }
            String banner = "No API keys configured (LEDGER_API_KEYS). Generated an operator key, shown this once:%n%n"
                    + "    %s%n%nIt is kept in %s; send it as 'Authorization: Bearer <key>'.";
            log.warn(String.format(banner, key, file));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated operator key in " + file, e);
        }
    }
}
