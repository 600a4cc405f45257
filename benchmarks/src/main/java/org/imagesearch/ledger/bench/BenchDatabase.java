package org.imagesearch.ledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database for one ledger of the run, with the durability the product ships: H2 files as
 * the default configuration opens them, or a database of an embedded PostgreSQL started with
 * {@code fsync} and {@code synchronous_commit} on.
 */
record BenchDatabase(String kind, Path dataDir, String jdbcUrl) {

    private static EmbeddedPostgres postgres;
    private static int created;

    static BenchDatabase create(String kind, Path root, String name) {
        Path dataDir = root.resolve(kind + "-" + name);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kind.equals("h2")) {
            return new BenchDatabase(kind, dataDir, null);
        }
        String database = "bench_" + name + "_" + (++created);
        try (Connection admin = server(root).getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return new BenchDatabase(kind, dataDir, server(root).getJdbcUrl("postgres", database));
    }

    /** The Spring arguments that put a ledger on this database. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir));
        if (jdbcUrl != null) {
            arguments.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
        return arguments;
    }

    private static synchronized EmbeddedPostgres server(Path root) {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(root.resolve("postgres"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "256MB")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    static synchronized void stopServer() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the run is over
            }
            postgres = null;
        }
    }
}
