package org.imagesearch.ledger.app;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread interrupted while H2 writes its file must not close the database under every other thread
 * (ADR 0025). Java's {@code FileChannel} closes itself when a thread blocked in it is interrupted, and
 * H2 then closes the whole database; the ledger's threads are interrupted on a stop (its own rounds,
 * Axon's processors, Tomcat), and a benchmark client was, mid-commit. The H2 URL here is the one the
 * ledger ships, read from its {@code application.properties}.
 */
class H2InterruptsTest {

    private static final int COMMITS = 1500;

    @Test
    void aWriterInterruptedMidCommitLeavesTheDatabaseOpenForEveryoneElse() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(shippedUrl(TestDirectories.create("h2-interrupts")));
        dataSource.setUser("sa");
        try (Connection other = dataSource.getConnection(); Statement ddl = other.createStatement()) {
            ddl.execute("CREATE TABLE fact (identifier VARCHAR(64) PRIMARY KEY, payload VARBINARY NOT NULL)");

            AtomicInteger acknowledged = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    for (int i = 0; i < COMMITS; i++) {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO fact (identifier, payload) VALUES (?, ?)")) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setBytes(2, new byte[2000]);
                            insert.executeUpdate();
                            connection.commit();
                            acknowledged.incrementAndGet();
                        } catch (SQLException e) {
                            refused.incrementAndGet();
                            connection.rollback();
                        }
                    }
                } catch (SQLException e) {
                    refused.incrementAndGet();
                } finally {
                    done.set(true);
                }
            }, "interrupted-writer");
            writer.start();
            int interrupts = 0;
            while (!done.get()) {
                writer.interrupt();
                interrupts++;
                Thread.sleep(0, 200_000);
            }
            writer.join();

            try (PreparedStatement insert = other.prepareStatement("INSERT INTO fact VALUES ('after', X'00')")) {
                assertThat(insert.executeUpdate()).as("a write by another connection after the interrupts").isEqualTo(1);
            }
            try (ResultSet rows = ddl.executeQuery("SELECT COUNT(*) FROM fact")) {
                rows.next();
                assertThat(rows.getInt(1) - 1).as("rows kept against the writer's acknowledged commits")
                        .isGreaterThanOrEqualTo(acknowledged.get());
            }
            assertThat(refused.get()).as("the writer's refused commits").isZero();
            assertThat(interrupts).as("interrupts sent during the writes").isGreaterThan(100);
        }
    }

    /** The ledger's own H2 URL, its data directory put in. */
    static String shippedUrl(Path dataDir) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = H2InterruptsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.url").replace("${ledger.data-dir}", dataDir.toString());
    }
}
