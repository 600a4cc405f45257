package org.imagesearch.ledger.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged ledger jar, run as a process of its own that a test can kill with SIGKILL. */
public final class LedgerProcess implements AutoCloseable {

    /** The first line of a logged exception: its class name, then perhaps its message. */
    private static final Pattern EXCEPTION = Pattern.compile("([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)\\b");

    private final Process process;
    private final int port;
    private final Path log;

    private LedgerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code java -jar ledger-app.jar} (the path in system property {@code ledger.jar}) and waits for it. */
    public static LedgerProcess start(TestDatabase.Target database, String name, String... extra) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String jar = System.getProperty("ledger.jar", "target/ledger-app.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar,
                "--server.port=" + port));
        command.addAll(database.arguments());
        command.addAll(List.of(extra));
        File log = Path.of("target", name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        LedgerProcess ledger = new LedgerProcess(process, port, log.toPath());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(process.isAlive()).as("the ledger process is running; see " + log).isTrue();
                    assertThat(ledger.client().get("/actuator/health").status()).isEqualTo(200);
                });
        return ledger;
    }

    /**
     * Whether the process still runs, and the last warnings and errors it logged, each exception by
     * its first line and its causes, for a failing test to show: CI prints the test's message, not
     * the process's log.
     */
    public String warnings() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> warnings = lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                            || EXCEPTION.matcher(line).lookingAt() || line.startsWith("Caused by:"))
                    .filter(line -> !line.contains("SpringDoc")).toList();
            return "(process running: " + process.isAlive() + ")\n"
                    + String.join("\n", warnings.subList(Math.max(0, warnings.size() - 20), warnings.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    public LedgerClient client() {
        return new LedgerClient(port);
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** A graceful stop, waiting for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
