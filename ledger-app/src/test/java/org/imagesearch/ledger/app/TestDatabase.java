package org.imagesearch.ledger.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test runs on: H2 files (the default), or a fresh database of a PostgreSQL server
 * the test JVM starts itself from Maven artifacts ({@code -Dledger.test.db=postgres}). Nothing
 * depends on a database server the machine happens to run.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** Where one test context keeps its data, and the Spring properties that point at it. */
    public record Target(Path dataDir, String jdbcUrl, String username, String password) {

        public boolean postgres() {
            return jdbcUrl.startsWith("jdbc:postgresql:");
        }

        /** Points a {@code @SpringBootTest} context at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("ledger.data-dir", () -> dataDir.toString());
            if (postgres()) {
                registry.add("spring.datasource.url", this::jdbcUrl);
                registry.add("spring.datasource.username", this::username);
                registry.add("spring.datasource.password", this::password);
            }
        }

        public List<String> arguments() {
            List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--" + TestKeys.PROPERTY));
            if (postgres()) {
                arguments.add("--spring.datasource.url=" + jdbcUrl);
                arguments.add("--spring.datasource.username=" + username);
                arguments.add("--spring.datasource.password=" + password);
            }
            return arguments;
        }
    }

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("ledger.test.db", "h2"));
    }

    /** A fresh, empty database of the kind the run is on. */
    public static Target create(String name) {
        return create(name, isPostgres());
    }

    /** A fresh, empty database: PostgreSQL or H2 files. */
    public static Target create(String name, boolean postgres) {
        Path dataDir = TestDirectories.create(name);
        if (!postgres) {
            return new Target(dataDir, "jdbc:h2:async:" + dataDir.resolve("ledger"), "sa", "");
        }
        String database = "ledger_" + name.replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return new Target(dataDir, server().getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        // stopped by stopWhenUnused alone: the library's own hook stops it at once
                        .setRegisterShutdownHook(false);
                if (Boolean.getBoolean("ledger.test.pg.durable")) {
                    // the durability PostgreSQL ships with; the embedded default turns both off
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopWhenUnused));
        }
        return server;
    }

    /**
     * Stops the server once the test contexts (closed by Spring's own shutdown hook, which runs beside
     * this one) have let go of their databases, so that none of them loses its connection mid-work.
     * The embedded server's own shutdown hook is off: it stopped the server as the JVM began to exit,
     * under contexts still closing, whose processors then retried against it until Surefire gave up
     * on the fork's exit after 30 s.
     */
    private static void stopWhenUnused() {
        long deadline = System.currentTimeMillis() + 20_000;
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement users = admin.createStatement()) {
            while (System.currentTimeMillis() < deadline) {
                var count = users.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname LIKE 'ledger_%'");
                count.next();
                if (count.getInt(1) == 0) {
                    break;
                }
                Thread.sleep(100);
            }
        } catch (SQLException | InterruptedException ignored) {
            // stop anyway
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }

    public static DataSource postgresAdmin() {
        return server().getPostgresDatabase();
    }
}
