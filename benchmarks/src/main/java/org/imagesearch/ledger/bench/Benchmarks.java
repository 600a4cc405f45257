package org.imagesearch.ledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every workload on H2 and on PostgreSQL and writes {@code latest.json}, {@code latest.svg}
 * and a table. Arguments: {@code --quick} (the default), {@code --full} or {@code --smoke};
 * {@code --out=DIR} (default {@code benchmarks/results}); {@code --db=h2,postgres}; {@code --only=commands,replay}
 * (a subset of the workloads, for profiling one; {@code replay} needs {@code commands} before it);
 * {@code --replay-events=N} (how many events the replay rebuilds).
 */
public final class Benchmarks {

    static final List<String> WORKLOADS = List.of("commands", "reads", "http", "replay", "wave");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "quick";
        Path out = Path.of("benchmarks", "results");
        List<String> databases = List.of("h2", "postgres");
        List<String> only = WORKLOADS;
        Long replayEvents = null;
        for (String arg : args) {
            if (arg.equals("--quick") || arg.equals("--full") || arg.equals("--smoke")) {
                mode = arg.substring(2);
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else if (arg.startsWith("--db=")) {
                databases = List.of(arg.substring(5).split(","));
            } else if (arg.startsWith("--only=")) {
                only = List.of(arg.substring(7).split(","));
            } else if (arg.startsWith("--replay-events=")) {
                replayEvents = Long.parseLong(arg.substring(16));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "; use --quick, --full or --smoke, "
                        + "--out=DIR, --db=h2,postgres, --only=" + String.join(",", WORKLOADS) + ", --replay-events=N");
            }
        }
        Sizes sizes = Sizes.of(mode);
        if (replayEvents != null) {
            sizes = sizes.withReplayEvents(replayEvents);
        }
        run(sizes, databases, only, out, Clock.systemUTC());
        System.exit(0);
    }

    /**
     * Runs the workloads named in {@code only} and answers the result rows, after writing them under {@code out}. The
     * {@code clock} only stamps when the run started; the ledgers keep their own test clock.
     */
    static List<Map<String, Object>> run(Sizes sizes, List<String> databases, List<String> only, Path out,
                                         Clock clock) throws Exception {
        Path work = Files.createTempDirectory("ledger-bench");
        List<Map<String, Object>> results = new ArrayList<>();
        Instant started = clock.instant();
        try {
            for (String database : databases) {
                System.out.printf("== %s, %s sizes%n", database, sizes.mode());
                try (Ledger ledger = Ledger.start(BenchDatabase.create(database, work, "a"), false)) {
                    if (only.contains("commands")) {
                        results.add(report(Workloads.commands(ledger, "cmd", sizes.instances(),
                                sizes.commandWarmup())));
                    }
                    if (only.contains("reads")) {
                        results.add(report(Workloads.reads(ledger, "cmd", sizes.instances(), sizes.readRate(),
                                sizes.readWarmupSeconds(), sizes.readSeconds())));
                    }
                    if (only.contains("http") && database.equals("postgres")) {
                        results.add(report(Workloads.http(ledger, "htp", sizes.httpWarmup(), sizes.httpCount())));
                    }
                    if (only.contains("replay")) {
                        results.add(report(Workloads.replay(ledger, "cmd", sizes.replayEvents())));
                    }
                }
                if (only.contains("wave")) {
                    try (Ledger ledger = Ledger.start(BenchDatabase.create(database, work, "b"), true)) {
                        results.add(report(Workloads.wave(ledger, "wav", sizes.waveInstances())));
                    }
                }
            }
        } finally {
            BenchDatabase.stopServer();
            delete(work);
        }
        Map<String, Object> machine = machine(sizes, started);
        String table = Report.table(results);
        System.out.println();
        System.out.print(table);
        Report.write(out.resolve("latest.json"), Report.json(machine, results));
        Report.write(out.resolve("latest.svg"), Report.svg("Ledger benchmarks (" + sizes.mode() + ", "
                + machine.get("cores") + " cores, " + started + ")", results));
        System.out.println("Written " + out.resolve("latest.json") + " and " + out.resolve("latest.svg"));
        return results;
    }

    private static Map<String, Object> report(Map<String, Object> row) {
        Targets.judge(row);
        System.out.println(Report.table(List.of(row)).lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
        return row;
    }

    private static Map<String, Object> machine(Sizes sizes, Instant started) throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("mode", sizes.mode());
        machine.put("started", started.toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("h2", "files, WRITE_DELAY=0 (the ledger's default)");
        machine.put("postgres", "embedded PostgreSQL 14, fsync=on, synchronous_commit=on");
        return machine;
    }

    private static String firstValue(Path file, String key) throws IOException {
        if (!Files.exists(file)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
