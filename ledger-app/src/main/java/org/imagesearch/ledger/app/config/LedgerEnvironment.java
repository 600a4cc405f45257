package org.imagesearch.ledger.app.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares the environment before anything starts: checks {@code ledger.roles}, passes
 * {@code axoniq.update-checker.disabled} on to Axon (which reads it as a JVM property), and points the default H2 database at
 * {@code ledger.data-dir} (default {@code ./data}) unless {@code spring.datasource.url} is set.
 */
public class LedgerEnvironment implements EnvironmentPostProcessor {

    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.COMMAND, Roles.QUERY);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> roles = Roles.of(environment);
        if (roles.isEmpty() || !KNOWN_ROLES.containsAll(roles)) {
            throw new IllegalStateException(Roles.PROPERTY + " must be command, query or command,query; it is '"
                    + environment.getProperty(Roles.PROPERTY) + "'");
        }
        // Axon's update checker reads a JVM property, not Spring's; carry the setting over.
        String updateChecker = environment.getProperty(UPDATE_CHECKER_DISABLED);
        if (updateChecker != null && System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, updateChecker);
        }
        if (environment.getProperty("spring.datasource.url") == null) {
            Path dataDir = Path.of(environment.getProperty("ledger.data-dir", "./data")).toAbsolutePath().normalize();
            String url = "jdbc:h2:file:" + dataDir.resolve("ledger")
                    + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
            environment.getPropertySources().addLast(new MapPropertySource("ledger-data-dir",
                    Map.of("spring.datasource.url", url, "spring.datasource.username", "ledger",
                            "spring.datasource.password", "")));
        }
    }
}
