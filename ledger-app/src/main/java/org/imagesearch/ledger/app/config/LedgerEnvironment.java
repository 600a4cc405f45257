package org.imagesearch.ledger.app.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Prepares the environment before anything starts: checks {@code ledger.roles}, passes
 * {@code axoniq.update-checker.disabled} on to Axon (which reads it as a JVM property), names the
 * node ({@code ledger.node-id}, by default {@code <pid>@<host>/<random>}, new at every start), and
 * makes {@code ledger.data-dir}, where the default H2 database lives, an absolute path.
 */
public class LedgerEnvironment implements EnvironmentPostProcessor {

    private static final String DATA_DIR = "ledger.data-dir";
    private static final String NODE_ID = "ledger.node-id";
    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.COMMAND, Roles.QUERY);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> roles = Roles.of(environment);
        if (roles.isEmpty() || !KNOWN_ROLES.containsAll(roles)) {
            throw new IllegalStateException(Roles.PROPERTY + " must be command, query, or both (command,query); it is '"
                    + environment.getProperty(Roles.PROPERTY) + "'");
        }
        // Axon's update checker reads a JVM property, not Spring's; carry the setting over.
        String updateChecker = environment.getProperty(UPDATE_CHECKER_DISABLED);
        if (updateChecker != null && System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, updateChecker);
        }
        // Every node of one database needs its own name; make one up unless given.
        String nodeId = environment.getProperty(NODE_ID);
        if (nodeId == null || nodeId.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("ledger-node-id", Map.of(NODE_ID,
                    ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))));
        }
        // H2 refuses paths "implicitly relative" to the working directory; make ours absolute.
        String dataDir = environment.getProperty(DATA_DIR);
        if (dataDir != null && !Path.of(dataDir).isAbsolute()) {
            environment.getPropertySources().addFirst(new MapPropertySource("ledger-data-dir",
                    Map.of(DATA_DIR, Path.of(dataDir).toAbsolutePath().normalize().toString())));
        }
    }
}
