package org.imagesearch.ledger.bench;

import org.axonframework.common.IdentifierFactory;
import org.imagesearch.ledger.command.time.ClockControl;
import org.imagesearch.ledger.query.progress.ProjectionReplay;
import org.springframework.core.env.Environment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** The five workloads of issue 7; each answers one result row with the contract's field names. */
final class Workloads {

    static final int CLIENTS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private Workloads() {
    }

    /**
     * N instances × (purchase, upgrade, downgrade, renewal) through the command gateway, then raw JDBC.
     * Each side first runs instances unmeasured, so that neither is measured while the JIT compiles it
     * (ADR 0009): the ledger rounds of {@code warmup} instances, each under a run name of its own, until
     * the JIT has settled ({@link JitWarmup}); the raw
     * limit, whose code is a few JDBC calls, {@code warmup} in a table of its own, dropped. The row
     * says how many instances warmed the ledger and how long the JIT compiled while it was measured.
     */
    static Map<String, Object> commands(Ledger ledger, String run, int instances, int warmup) throws Exception {
        JitWarmup.Outcome warmed = JitWarmup.run(round -> Load.run(CLIENTS, warmup,
                (index, timer) -> Lives.wholeLife(ledger.commands(), run + "w" + round, index, timer)));
        ledger.awaitProcessors(PATIENCE);
        JvmCounters beforeRun = JvmCounters.now();
        Load.Result ledgerRun = Load.run(CLIENTS, instances,
                (index, timer) -> Lives.wholeLife(ledger.commands(), run, index, timer));
        JvmCounters duringRun = JvmCounters.now().since(beforeRun);
        long caughtUpAfter = timeNanos(() -> ledger.awaitProcessors(PATIENCE));
        RawDatabase raw = new RawDatabase(ledger.dataSource(), ledger.database.kind());
        List<RawDatabase.StoredEvent> life = raw.eventsOf(Lives.instance(run, 0).value());
        raw.commandLimit(CLIENTS, warmup, life);
        Load.Result rawRun = raw.commandLimit(CLIENTS, instances, life);
        Map<String, Object> row = row("commands", ledger);
        row.put("commands", ledgerRun.latencies().length);
        row.put("ledger_per_s", ledgerRun.perSecond());
        row.put("limit_per_s", rawRun.perSecond());
        row.put("p50_ms", ledgerRun.p(50));
        row.put("p99_ms", ledgerRun.p(99));
        row.put("limit_p99_ms", rawRun.p(99));
        row.put("projected_after_s", Timing.seconds(caughtUpAfter));
        row.put("warmup_instances", warmed.rounds() * warmup);
        row.put("jit_settled", warmed.settled());
        row.put("jit_ms_measured", duringRun.compileMillis());
        return row;
    }

    /** The reads' background commands: one renewal for this many reads, at a steady pace. */
    static final int READS_PER_COMMAND = 10;

    /**
     * Connections of the reads' warm-up, closed loop: few enough that the ledger serves them at its best
     * rate, so the JIT sees as many reads as it can in the time (64 contend for the pool and H2's locks).
     */
    static final int WARMUP_CONNECTIONS = 8;

    /**
     * Reads at a fixed rate, open loop: request i is due at start + i/rate, whatever happened to the
     * ones before, and its latency counts from when it was due. One client renews instances meanwhile,
     * one renewal per {@link #READS_PER_COMMAND} reads, at a steady pace (a closed loop would take
     * whatever CPU the reads leave, so the reads' latency would measure the renewals). Before it,
     * {@code warmupSeconds} of the same reads, closed loop and unmeasured, so that the figures are those
     * of a read path the JIT has compiled, as on a node that has served for a while: until then two
     * cores serve a fraction of what they serve later (docs/benchmarks.md, ADR 0009). After it, the
     * same load on {@link #FLOOR_PATH}, beside the same renewals: the {@code floor_} fields, what the
     * service's HTTP stack alone takes at this rate on this machine.
     */
    static Map<String, Object> reads(Ledger ledger, String run, int instances, int rate, int warmupSeconds,
                                     int seconds) throws Exception {
        // enough connections that a slow answer never holds back the next request (open loop): at
        // 2,000/s, 64 connections only wait on one another once answers take over 32 ms
        int connections = Math.max(4, Math.min(64, rate / 30));
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        long writeInterval = 1_000_000_000L / Math.max(1, rate / READS_PER_COMMAND);
        Thread writer = new Thread(() -> {
            long due = System.nanoTime();
            for (int index = 0; writing.get(); index = (index + 1) % instances) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                ledger.commands().sendAndWait(new org.imagesearch.ledger.api.instance.RenewPackage(
                        Lives.instance(run, index), 1, null));
                written.incrementAndGet();
                due = Math.max(due + writeInterval, System.nanoTime()); // a late renewal is not made up for
            }
        }, "bench-writer");
        writer.start();
        AtomicLong failures = new AtomicLong();
        Load.Result warmup;
        Load.Result result;
        Load.Result floor;
        long floorWritten;
        long floorFor;
        long writingSince;
        long writtenBefore;
        long readsWritten;
        long readsFor;
        JvmCounters measuredFrom;
        JvmCounters measured;
        try {
            warmup = closedLoop(ledger, warmupSeconds, i -> readPath(run, instances, i), failures);
            writingSince = System.nanoTime();
            writtenBefore = written.get();
            measuredFrom = JvmCounters.now();
            result = openLoop(ledger, connections, total, interval, i -> readPath(run, instances, i), failures);
            measured = JvmCounters.now().since(measuredFrom);
            readsWritten = written.get() - writtenBefore;
            readsFor = System.nanoTime() - writingSince;
            closedLoop(ledger, Math.max(1, warmupSeconds / 4), i -> FLOOR_PATH, failures);
            long floorFrom = System.nanoTime();
            long floorWrittenBefore = written.get();
            floor = openLoop(ledger, connections, total, interval, i -> FLOOR_PATH, failures);
            floorWritten = written.get() - floorWrittenBefore;
            floorFor = System.nanoTime() - floorFrom;
        } finally {
            writing.set(false);
            writer.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " reads did not answer 200");
        }
        Map<String, Object> row = row("reads", ledger);
        row.put("rate_per_s", rate);
        row.put("achieved_per_s", result.perSecond());
        row.put("p50_ms", result.p(50));
        row.put("p99_ms", result.p(99));
        row.put("p999_ms", result.p(99.9));
        row.put("background_commands_per_s", Timing.perSecond(readsWritten, readsFor));
        // the measured window's allocation and collections, the ledger's and the harness's: what the tail waits on
        row.put("allocated_kb_per_read", Timing.round(measured.allocatedBytes() / 1024.0 / total));
        row.put("gc_pauses", measured.collections());
        row.put("gc_pause_ms", measured.collectionMillis());
        row.put("warmup_s", warmupSeconds);
        row.put("warmup_per_s", warmup.perSecond());
        // the same load on a read of nothing (FLOOR_PATH), after it, beside the same renewals
        row.put("floor_achieved_per_s", floor.perSecond());
        row.put("floor_p50_ms", floor.p(50));
        row.put("floor_p99_ms", floor.p(99));
        row.put("floor_p999_ms", floor.p(99.9));
        row.put("floor_background_commands_per_s", Timing.perSecond(floorWritten, floorFor));
        return row;
    }

    /**
     * The reads' stack floor: the price list, which the ledger answers from memory. It goes through
     * what every read goes through (Tomcat, the key check, Spring MVC, Jackson writing a body of some
     * 2 KB) and reads nothing from the database, so its latency at the reads' rate, beside the same
     * renewals, is the least a read measured this way takes on this machine (ADR 0031).
     */
    static final String FLOOR_PATH = "/api/v1/catalog";

    /**
     * GETs of {@code path(i)} for {@code seconds}, closed loop, unmeasured, on {@link #WARMUP_CONNECTIONS}
     * keep-alive connections; the result counts them.
     */
    private static Load.Result closedLoop(Ledger ledger, int seconds, IntFunction<String> path,
                                          AtomicLong failures) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        return Load.run(WARMUP_CONNECTIONS, WARMUP_CONNECTIONS, (client, timer) -> {
            try (RawHttp http = new RawHttp(ledger.port, Ledger.SERVICE_KEY)) {
                for (int i = client; System.nanoTime() < until; i += WARMUP_CONNECTIONS) {
                    get(http, path.apply(i), failures);
                    timer.record(0); // counted, not timed
                }
            }
        });
    }

    /**
     * {@code total} GETs of {@code path(i)} on {@code connections} keep-alive connections, open loop:
     * request i is due at start + i * {@code interval} nanoseconds, and its latency counts from then.
     */
    private static Load.Result openLoop(Ledger ledger, int connections, int total, long interval,
                                        IntFunction<String> path, AtomicLong failures) {
        long start = System.nanoTime() + 100_000_000L;
        return Load.run(connections, connections, (client, timer) -> {
            try (RawHttp http = new RawHttp(ledger.port, Ledger.SERVICE_KEY)) {
                for (int i = client; i < total; i += connections) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    get(http, path.apply(i), failures);
                    timer.record(System.nanoTime() - due);
                }
            }
        });
    }

    /** Read i of the mix: an instance's entitlements and a customer's ledger, alternately, spread over all. */
    private static String readPath(String run, int instances, int i) {
        int target = (int) ((i * 7919L) % instances);
        return i % 2 == 0 ? "/api/v1/instances/" + Lives.instance(run, target)
                : "/api/v1/customers/" + Lives.customer(run, target) + "/ledger";
    }

    private static void get(RawHttp http, String path, AtomicLong failures) throws Exception {
        if (http.send("GET", path, null).status() != 200) {
            failures.incrementAndGet();
        }
    }

    /**
     * What a calling service sees: four keep-alive clients, authenticated purchases, then immediate
     * upgrades, {@code count} of each after {@code warmup} unmeasured purchases. Before that, rounds of
     * the same requests for other customers, unmeasured, until the JIT has compiled the HTTP path
     * ({@link JitWarmup}, ADR 0009): a node that has served for a while, not one still compiling. The
     * row says how many requests warmed it and how long the JIT compiled while it was measured.
     */
    static Map<String, Object> http(Ledger ledger, String run, int warmup, int count) throws Exception {
        JitWarmup.Outcome warmed = JitWarmup.run(round -> purchasesThenUpgrades(ledger, run + "j" + round, count));
        Load.run(CLIENTS, warmup, (index, timer) -> {
            purchaseOverHttp(RawHttp.pooled(ledger.port, Ledger.SERVICE_KEY), run + "w", index);
        });
        JvmCounters before = JvmCounters.now();
        PurchasesAndUpgrades measured = purchasesThenUpgrades(ledger, run, count);
        JvmCounters during = JvmCounters.now().since(before);
        Load.Result purchases = measured.purchases();
        Load.Result upgrades = measured.upgrades();
        long[] both = new long[count * 2];
        System.arraycopy(purchases.latencies(), 0, both, 0, count);
        System.arraycopy(upgrades.latencies(), 0, both, count, count);
        Map<String, Object> row = row("http", ledger);
        row.put("purchase_per_s", purchases.perSecond());
        row.put("upgrade_per_s", upgrades.perSecond());
        row.put("p50_ms", Timing.percentileMs(both, 50));
        row.put("p99_ms", Timing.percentileMs(both, 99));
        row.put("purchase_p99_ms", purchases.p(99));
        row.put("upgrade_p99_ms", upgrades.p(99));
        row.put("warmup_requests", warmed.rounds() * 2L * count + warmup);
        row.put("jit_settled", warmed.settled());
        row.put("jit_ms_measured", during.compileMillis());
        return row;
    }

    /** The two loads of {@link #http}, each timed per request. */
    private record PurchasesAndUpgrades(Load.Result purchases, Load.Result upgrades) {
    }

    /** {@code count} purchases over HTTP, then an upgrade of each. */
    private static PurchasesAndUpgrades purchasesThenUpgrades(Ledger ledger, String run, int count) {
        String[] purchased = new String[count];
        try {
            Load.Result purchases = Load.run(CLIENTS, count, (index, timer) -> {
                RawHttp http = RawHttp.pooled(ledger.port, Ledger.SERVICE_KEY);
                purchased[index] = timer.time(() -> purchaseOverHttp(http, run, index));
            });
            Load.Result upgrades = Load.run(CLIENTS, count, (index, timer) -> {
                RawHttp http = RawHttp.pooled(ledger.port, Ledger.SERVICE_KEY);
                timer.time(() -> http.expect(200, "POST", "/api/v1/instances/" + purchased[index]
                        + "/package-changes", "{\"images\":5000000,\"qps\":10}"));
            });
            return new PurchasesAndUpgrades(purchases, upgrades);
        } finally {
            RawHttp.closePooled();
        }
    }

    private static String purchaseOverHttp(RawHttp http, String run, int index) throws Exception {
        String body = http.expect(201, "POST", "/api/v1/instances", "{\"customerId\":\""
                + Lives.customer(run, index) + "\",\"images\":2500000,\"qps\":5}");
        int at = body.indexOf("\"instanceId\":\"") + 14;
        return body.substring(at, body.indexOf('"', at));
    }

    /**
     * Tops the store up to {@code events} with copies of the instance lives already recorded (new
     * ids, same sizes), lets the projections take them in, then replays every projection from the
     * first event, sampling the heap.
     */
    static Map<String, Object> replay(Ledger ledger, String run, long events) throws Exception {
        long before = ledger.head();
        long toppingUp = System.nanoTime();
        long copied = topUp(ledger, run, events);
        ledger.awaitProcessors(PATIENCE);
        long liveFor = System.nanoTime() - toppingUp; // the live projections take the copies in as they land
        long stored = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long instancesBefore = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM instance_view", Long.class);
        double scan = new RawDatabase(ledger.dataSource(), ledger.database.kind()).scanLimit();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                Timing.sleep(20);
            }
        }, "bench-heap-sampler");
        sampler.start();
        long elapsed;
        long reset;
        try {
            long start = System.nanoTime();
            ledger.bean(ProjectionReplay.class).replayAll();
            reset = System.nanoTime() - start;
            ledger.awaitProcessors(PATIENCE);
            elapsed = System.nanoTime() - start;
        } finally {
            sampling.set(false);
            sampler.join();
        }
        long instancesAfter = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM instance_view", Long.class);
        if (instancesAfter != instancesBefore) {
            throw new IllegalStateException("The replay rebuilt " + instancesAfter + " instances of "
                    + instancesBefore);
        }
        // after the ledger's replay, so that what it leaves behind in the database (pages to write out,
        // H2's chunks to tidy) cannot slow the contract's figure; a checkpoint first writes the replay's out
        ledger.jdbc().execute("CHECKPOINT");
        Environment settings = ledger.bean(Environment.class);
        RawRebuild.Result rawRebuild = new RawRebuild(ledger.dataSource(), ledger.database.kind()).run(
                settings.getRequiredProperty("axon.eventhandling.processors.read-models.initial-segment-count",
                        Integer.class),
                settings.getRequiredProperty("ledger.replay.chunk-size", Integer.class));
        Map<String, Object> row = row("replay", ledger);
        row.put("events", stored);
        row.put("ledger_per_s", Timing.perSecond(stored, elapsed));
        row.put("limit_per_s", scan);
        // the same rebuild's database work by plain JDBC (RawRebuild): what writing the read models costs
        row.put("rebuild_limit_per_s", rawRebuild.perSecond());
        row.put("rebuild_limit_ratio", Timing.round(rawRebuild.perSecond() / scan));
        row.put("ledger_to_rebuild_limit", Timing.round(Timing.perSecond(stored, elapsed) / rawRebuild.perSecond()));
        row.put("rebuild_limit_rows", rawRebuild.rows());
        row.put("read_model_rows", readModelRows(ledger));
        row.put("peak_heap_mb", peak.get() / (1024 * 1024));
        row.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        row.put("reset_s", Timing.seconds(reset));
        row.put("live_per_s", copied == 0 ? 0 : Timing.perSecond(copied, liveFor));
        row.put("recorded_by_commands", before);
        return row;
    }

    /** The rows of the read tables a replay rebuilds, to set beside those of {@link RawRebuild}. */
    private static long readModelRows(Ledger ledger) {
        long rows = 0;
        for (String table : List.of("instance_view", "ledger_entry", "proration", "release_deadline", "notification",
                "account_view", "custom_quote_view")) {
            rows += ledger.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        }
        return rows;
    }

    /**
     * How far the top-up may run ahead of the live projections, so that {@code live_per_s} is their
     * speed at keeping up, and the ledger's heap is not filled by what its event store reads ahead of
     * them: with Axon's cleaner every 10 s a million events inserted in one go filled 512 MiB. ADR 0013
     * bounds that, and still one full run with this lead ran out of heap; the two full runs since ADR 0014
     * completed. See docs/benchmarks.md, "Memory".
     */
    private static final int TOP_UP_LEAD = 20_000;

    /**
     * Copies the recorded lives of {@code run} until the store holds {@code target} events, each copy
     * read again from the store as it is written (streamed, so the harness holds no copy in memory:
     * the heap is the ledger's to use), waiting for the projections every {@link #TOP_UP_LEAD} events.
     */
    private static long topUp(Ledger ledger, String run, long target) throws SQLException {
        long lives = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier"
                + " LIKE ?", Long.class, run + "-i-%");
        long present = ledger.head();
        long copies = lives == 0 ? 0 : Math.max(0, (target - present + lives - 1) / lives);
        if (copies > 99) {
            throw new IllegalArgumentException("Too few lives to copy up to " + target + " events");
        }
        long inserted = 0;
        try (Connection reading = ledger.dataSource().getConnection();
             Connection writing = ledger.dataSource().getConnection();
             PreparedStatement select = reading.prepareStatement("SELECT aggregate_identifier, sequence_number, "
                     + "type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                     + "WHERE aggregate_identifier LIKE ? AND global_index <= ? ORDER BY global_index");
             PreparedStatement insert = writing.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                     + "payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            reading.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
            writing.setAutoCommit(false);
            select.setFetchSize(1000);
            for (int copy = 1; copy <= copies; copy++) {
                String prefix = String.format("x%0" + (run.length() - 1) + "d", copy);
                select.setString(1, run + "-i-%");
                select.setLong(2, present);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        insert.setString(1, IdentifierFactory.getInstance().generateIdentifier());
                        insert.setString(2, rows.getString(1).replace(run + "-i-", prefix + "-i-"));
                        insert.setLong(3, rows.getLong(2));
                        insert.setString(4, rows.getString(3));
                        insert.setString(5, rows.getString(4));
                        insert.setString(6, rows.getString(5));
                        insert.setString(7, rows.getString(6));
                        insert.setBytes(8, new String(rows.getBytes(7), StandardCharsets.UTF_8)
                                .replace(run + "-i-", prefix + "-i-").replace(run + "-c-", prefix + "-c-")
                                .getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(9, rows.getBytes(8));
                        insert.addBatch();
                        if (++inserted % 1000 == 0) {
                            insert.executeBatch();
                            writing.commit();
                        }
                        if (inserted % TOP_UP_LEAD == 0) {
                            ledger.awaitProcessors(PATIENCE);
                        }
                    }
                }
                reading.commit();
            }
            insert.executeBatch();
            writing.commit();
        }
        return inserted;
    }

    /** {@code instances} whose terms all end at one instant; the clock moves there, then 15 days on. */
    static Map<String, Object> wave(Ledger ledger, String run, int instances) throws Exception {
        Load.Result purchases = Load.run(CLIENTS, instances,
                (index, timer) -> timer.time(() -> {
                    Lives.purchase(ledger.commands(), run, index);
                    return null;
                }));
        ledger.awaitProcessors(PATIENCE);
        Instant termEnd = Ledger.START.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        ClockControl clock = ledger.bean(ClockControl.class);
        long exhaust = timeNanos(() -> {
            clock.moveTo(termEnd);
            awaitState(ledger, "RETAINED", instances, termEnd);
        });
        long release = timeNanos(() -> {
            clock.moveTo(termEnd.plus(Duration.ofDays(15)));
            awaitState(ledger, "RELEASED", instances, termEnd.plus(Duration.ofDays(15)));
        });
        Map<String, Object> row = row("wave", ledger);
        row.put("instances", instances);
        row.put("exhaust_s", Timing.seconds(exhaust));
        row.put("release_s", Timing.seconds(release));
        row.put("setup_purchase_per_s", purchases.perSecond());
        return row;
    }

    /**
     * Waits until every instance is in {@code state} in the instance view. Counting them is a scan of
     * the whole view (35 ms on a 100,000-row copy in PostgreSQL), so that the harness does not take
     * the CPU it measures, the count is made only once nothing is due by {@code now} any more (an
     * index lookup) and the projections are at the head.
     */
    private static void awaitState(Ledger ledger, String state, int instances, Instant now) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!nothingDueBy(ledger, now) || !countIs(ledger, state, instances)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not all " + instances + " instances reached " + state);
            }
            Timing.sleep(20);
        }
    }

    private static boolean nothingDueBy(Ledger ledger, Instant now) {
        return ledger.jdbc().queryForList("SELECT instance_id FROM instance_deadline WHERE due_at <= ?"
                + " FETCH FIRST 1 ROWS ONLY", String.class, Timestamp.from(now)).isEmpty();
    }

    private static boolean countIs(Ledger ledger, String state, int instances) {
        ledger.awaitProcessors(PATIENCE);
        return ledger.jdbc().queryForObject("SELECT COUNT(*) FROM instance_view WHERE state = ?", Long.class, state)
                >= instances;
    }

    private static Map<String, Object> row(String workload, Ledger ledger) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workload", workload);
        row.put("db", ledger.database.kind());
        return row;
    }

    interface Action {
        void run() throws Exception;
    }

    static long timeNanos(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }
}
