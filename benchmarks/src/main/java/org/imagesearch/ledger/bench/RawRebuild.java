package org.imagesearch.ledger.bench;

import org.imagesearch.ledger.query.readtable.PendingWrites;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The limit of a rebuild of the read models on the database itself, measured on the ledger's own
 * connection pool in the same run: the replay's database work done by plain JDBC, with no framework,
 * no deserializing and no projection logic in between. One thread scans the event table in order (as
 * {@link RawDatabase#scanLimit}); it hands each of the writer threads its share, by aggregate, of
 * every chunk of events; each writer writes, in one transaction per chunk with a token row, the rows
 * the projections write for those events, into empty tables of the read tables' columns and indexes
 * (prefixed {@code bench_}, dropped afterwards): on PostgreSQL new rows by {@code COPY}, on H2 by
 * batched {@code INSERT}s, an instance's view once per chunk. That is the shape of the ledger's own
 * rebuild (ADR 0029), so the ledger's rate over this one is what the framework and the projections
 * cost, and this one over the scan is what writing the read models costs the database.
 *
 * <p>Which rows an event gets is read off its payload type alone: a purchase an entry and a view row;
 * a package change an entry, a proration and the view; a renewal an entry and the view; an
 * exhaustion a release deadline, a notice and the view; a release a notice, the deadline's deletion and
 * the view. Values are taken from the event's columns (its ids, position and time) and sized like the
 * ledger's: the payload's JSON stands for the snapshot and the proration's detail.
 */
final class RawRebuild {

    /** The rebuild's figures: events per second, and the rows its tables hold after it. */
    record Result(double perSecond, long rows) {
    }

    private static final BigDecimal AMOUNT = new BigDecimal("123.45");
    private static final Duration TERM = Duration.ofDays(30);

    private static final List<String> DDL = List.of(
            "CREATE TABLE bench_instance_view (instance_id VARCHAR(64) NOT NULL, customer_id VARCHAR(64) NOT NULL,"
                    + " state VARCHAR(16) NOT NULL, trial BOOLEAN NOT NULL,"
                    + " period_start TIMESTAMP WITH TIME ZONE NOT NULL, period_end TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " release_at TIMESTAMP WITH TIME ZONE, snapshot VARCHAR(1000000) NOT NULL,"
                    + " CONSTRAINT pk_bench_instance_view PRIMARY KEY (instance_id))",
            "CREATE INDEX ix_bench_instance_view_customer ON bench_instance_view (customer_id)",
            "CREATE TABLE bench_ledger_entry (event_id VARCHAR(255) NOT NULL, customer_id VARCHAR(64) NOT NULL,"
                    + " instance_id VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL, amount NUMERIC(19, 2) NOT NULL,"
                    + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, position BIGINT NOT NULL,"
                    + " CONSTRAINT pk_bench_ledger_entry PRIMARY KEY (position))",
            "CREATE INDEX ix_bench_ledger_entry_customer ON bench_ledger_entry (customer_id, position)",
            "CREATE TABLE bench_proration (event_id VARCHAR(255) NOT NULL, instance_id VARCHAR(64) NOT NULL,"
                    + " customer_id VARCHAR(64) NOT NULL, changed_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " direction VARCHAR(16) NOT NULL, amount NUMERIC(19, 2) NOT NULL,"
                    + " detail VARCHAR(1000000) NOT NULL, position BIGINT NOT NULL,"
                    + " CONSTRAINT pk_bench_proration PRIMARY KEY (position))",
            "CREATE INDEX ix_bench_proration_instance ON bench_proration (instance_id, position)",
            "CREATE TABLE bench_release_deadline (instance_id VARCHAR(64) NOT NULL, customer_id VARCHAR(64) NOT NULL,"
                    + " release_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " CONSTRAINT pk_bench_release_deadline PRIMARY KEY (instance_id))",
            "CREATE INDEX ix_bench_release_deadline_release_at ON bench_release_deadline (release_at)",
            "CREATE TABLE bench_notification (event_id VARCHAR(255) NOT NULL, customer_id VARCHAR(64) NOT NULL,"
                    + " kind VARCHAR(32) NOT NULL, instance_id VARCHAR(64) NOT NULL,"
                    + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, release_at TIMESTAMP WITH TIME ZONE,"
                    + " reason VARCHAR(500), receivable_id VARCHAR(64), amount NUMERIC(19, 2),"
                    + " CONSTRAINT pk_bench_notification PRIMARY KEY (event_id))",
            "CREATE INDEX ix_bench_notification_customer ON bench_notification (customer_id)",
            "CREATE TABLE bench_token (segment INT NOT NULL, position BIGINT NOT NULL,"
                    + " CONSTRAINT pk_bench_token PRIMARY KEY (segment))");
    private static final List<String> TABLES = List.of("bench_instance_view", "bench_ledger_entry", "bench_proration",
            "bench_release_deadline", "bench_notification", "bench_token");

    private static final Table LEDGER_ENTRY = new Table("bench_ledger_entry",
            "event_id, customer_id, instance_id, kind, amount, occurred_at, position");
    private static final Table PRORATION = new Table("bench_proration",
            "event_id, instance_id, customer_id, changed_at, direction, amount, detail, position");
    private static final Table VIEW = new Table("bench_instance_view",
            "customer_id, state, trial, period_start, period_end, release_at, snapshot, instance_id");
    private static final Table DEADLINE = new Table("bench_release_deadline", "instance_id, customer_id, release_at");
    private static final Table NOTICE = new Table("bench_notification",
            "event_id, customer_id, kind, instance_id, occurred_at, release_at, reason, receivable_id, amount");
    private static final String VIEW_UPDATE = "UPDATE bench_instance_view SET customer_id = ?, state = ?, trial = ?,"
            + " period_start = ?, period_end = ?, release_at = ?, snapshot = ? WHERE instance_id = ?";

    private static final Object END = new Object();

    private final DataSource dataSource;
    private final boolean copies;

    RawRebuild(DataSource dataSource, String kind) {
        this.dataSource = dataSource;
        this.copies = kind.equals("postgres");
    }

    /** Rebuilds into the {@code bench_} tables with {@code writers} writers, {@code chunkSize} events a chunk. */
    Result run(int writers, int chunkSize) throws Exception {
        ddl(DDL);
        try {
            requireShapesOfReadTables();
            double perSecond = rebuild(writers, chunkSize);
            return new Result(perSecond, rowsHeld());
        } finally {
            ddl(TABLES.stream().map(table -> "DROP TABLE " + table).toList());
        }
    }

    /**
     * Fails unless each {@code bench_} table has the columns (names and types) and the indexes (their
     * columns) of the read table it stands for, as the ledger's migrations left it: a migration that
     * changes a read table must change the rebuild limit with it.
     */
    private void requireShapesOfReadTables() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String bench : TABLES.subList(0, TABLES.size() - 1)) {
                String table = bench.substring("bench_".length());
                Shape ours = Shape.of(metaData, bench);
                Shape theirs = Shape.of(metaData, table);
                if (!ours.equals(theirs) || ours.columns().isEmpty()) {
                    throw new IllegalStateException(bench + " " + ours + " is not shaped as " + table + " " + theirs);
                }
            }
        }
    }

    /** A table's columns (name and type) and its indexes (each as its columns in order), sorted. */
    private record Shape(List<String> columns, List<String> indexes) {

        static Shape of(DatabaseMetaData metaData, String table) throws SQLException {
            String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = metaData.getColumns(null, null, name, null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + "("
                            + rows.getInt("COLUMN_SIZE") + ")");
                }
            }
            Map<String, TreeMap<Integer, String>> indexes = new HashMap<>();
            try (ResultSet rows = metaData.getIndexInfo(null, null, name, false, false)) {
                while (rows.next()) {
                    if (rows.getString("INDEX_NAME") != null && rows.getString("COLUMN_NAME") != null) {
                        indexes.computeIfAbsent(rows.getString("INDEX_NAME"), index -> new TreeMap<>())
                                .put((int) rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
                    }
                }
            }
            Collections.sort(columns);
            List<String> indexColumns = new ArrayList<>(indexes.values().stream()
                    .map(index -> String.join(",", index.values())).toList());
            Collections.sort(indexColumns);
            return new Shape(columns, indexColumns);
        }
    }

    private void ddl(List<String> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            for (String statement : statements) {
                ddl.execute(statement);
            }
        }
    }

    private long rowsHeld() throws SQLException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection(); Statement count = connection.createStatement()) {
            for (String table : TABLES.subList(0, TABLES.size() - 1)) {
                try (ResultSet result = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    result.next();
                    rows += result.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Answers events per second. */
    private double rebuild(int writers, int chunkSize) throws Exception {
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<Void>> written = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
            queues.add(queue);
            int segment = i;
            written.add(threads.submit(() -> write(segment, queue)));
        }
        threads.shutdown();
        long start = System.nanoTime();
        long events;
        boolean ended = false;
        try {
            events = scan(writers, chunkSize, queues, written);
            for (int i = 0; i < queues.size(); i++) {
                putUnlessDone(queues.get(i), END, written.get(i));
            }
            for (Future<Void> writer : written) {
                writer.get();
            }
            ended = true;
        } finally {
            if (!ended) {
                threads.shutdownNow(); // a writer waiting for a chunk that will not come stops
                if (!threads.awaitTermination(30, TimeUnit.SECONDS)) { // before its tables are dropped
                    throw new IllegalStateException("The raw rebuild's writers did not stop within 30 s");
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        if (events == 0) {
            throw new IllegalStateException("The rebuild read nothing");
        }
        return Timing.perSecond(events, elapsed);
    }

    /** Reads every event in order, handing each writer its share of every chunk; answers how many it read. */
    private long scan(int writers, int chunkSize, List<BlockingQueue<Object>> queues, List<Future<Void>> written)
            throws Exception {
        long events = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement scan = connection.prepareStatement(RawDatabase.SCAN)) {
                scan.setFetchSize(1000);
                try (ResultSet rows = scan.executeQuery()) {
                    List<List<Event>> chunk = newChunk(writers, chunkSize);
                    int inChunk = 0;
                    while (rows.next()) {
                        String aggregate = rows.getString(3);
                        String payloadType = rows.getString(7);
                        Event event = new Event(rows.getLong(1), rows.getString(2), aggregate,
                                payloadType.substring(payloadType.lastIndexOf('.') + 1), rows.getString(6),
                                new String(rows.getBytes(9), StandardCharsets.UTF_8));
                        rows.getBytes(10);
                        chunk.get(Math.floorMod(aggregate.hashCode(), writers)).add(event);
                        events++;
                        if (++inChunk == chunkSize) {
                            handOver(queues, chunk, written);
                            chunk = newChunk(writers, chunkSize);
                            inChunk = 0;
                        }
                    }
                    if (inChunk > 0) {
                        handOver(queues, chunk, written);
                    }
                }
            }
            connection.commit();
        }
        return events;
    }

    private static List<List<Event>> newChunk(int writers, int chunkSize) {
        List<List<Event>> chunk = new ArrayList<>(writers);
        for (int i = 0; i < writers; i++) {
            chunk.add(new ArrayList<>(chunkSize / writers + 16));
        }
        return chunk;
    }

    private static void handOver(List<BlockingQueue<Object>> queues, List<List<Event>> chunk,
                                 List<Future<Void>> writers) throws Exception {
        for (int i = 0; i < queues.size(); i++) {
            putUnlessDone(queues.get(i), chunk.get(i), writers.get(i));
        }
    }

    /**
     * Hands {@code item} to the writer of {@code queue}. That writer has not been handed the end yet, so
     * if it is done it failed: it takes nothing more, and its failure is thrown.
     */
    private static void putUnlessDone(BlockingQueue<Object> queue, Object item, Future<Void> writer)
            throws Exception {
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            if (writer.isDone()) {
                writer.get(); // throws the writer's failure
                throw new IllegalStateException("A writer of the raw rebuild stopped before the end");
            }
        }
    }

    /** One writer: each of its chunks in one transaction, with its token. */
    private Void write(int segment, BlockingQueue<Object> queue) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement token = connection.prepareStatement(
                    "INSERT INTO bench_token (segment, position) VALUES (?, 0)")) {
                token.setInt(1, segment);
                token.executeUpdate();
            }
            connection.commit();
            for (Object next = queue.take(); next != END; next = queue.take()) {
                @SuppressWarnings("unchecked")
                List<Event> events = (List<Event>) next;
                writeChunk(connection, segment, events);
                connection.commit();
            }
        }
        return null;
    }

    private void writeChunk(Connection connection, int segment, List<Event> events) throws SQLException {
        Map<Table, List<Object[]>> inserts = new LinkedHashMap<>();
        Map<String, View> views = new LinkedHashMap<>();
        List<Object[]> deadlinesGone = new ArrayList<>();
        long last = 0;
        for (Event event : events) {
            last = event.position();
            String customer = event.aggregate().replace("-i-", "-c-");
            Timestamp at = Timestamp.from(Instant.parse(event.timeStamp()));
            Timestamp termEnd = Timestamp.from(at.toInstant().plus(TERM));
            boolean changesView = true;
            switch (event.type()) {
                case "PackagePurchased" -> {
                    add(inserts, LEDGER_ENTRY, event.id(), customer, event.aggregate(), "PURCHASE", AMOUNT, at,
                            event.position());
                    views.put(event.aggregate(), new View(true, null));
                }
                case "PackageChanged" -> {
                    add(inserts, LEDGER_ENTRY, event.id(), customer, event.aggregate(), "UPGRADE", AMOUNT, at,
                            event.position());
                    add(inserts, PRORATION, event.id(), event.aggregate(), customer, at, "UPGRADE", AMOUNT,
                            event.payload(), event.position());
                }
                case "PackageRenewed" -> add(inserts, LEDGER_ENTRY, event.id(), customer, event.aggregate(), "RENEWAL",
                        AMOUNT, at, event.position());
                case "QuotaExhausted" -> {
                    add(inserts, DEADLINE, event.aggregate(), customer, termEnd);
                    add(inserts, NOTICE, event.id(), customer, "QUOTA_EXHAUSTED", event.aggregate(), at, termEnd,
                            "TERM_ENDED", null, null);
                }
                case "InstanceReleased" -> {
                    add(inserts, NOTICE, event.id(), customer, "INSTANCE_RELEASED", event.aggregate(), at, null,
                            "QUOTA_EXHAUSTED", null, null);
                    deadlinesGone.add(new Object[] {event.aggregate()});
                }
                default -> changesView = false;
            }
            if (changesView) {
                View before = views.get(event.aggregate());
                views.put(event.aggregate(), new View(before != null && before.added(), new Object[] {customer,
                        "ACTIVE", false, at, termEnd, null, event.payload(), event.aggregate()}));
            }
        }
        List<Object[]> updates = new ArrayList<>();
        for (View view : views.values()) {
            if (view.added()) {
                add(inserts, VIEW, view.row());
            } else {
                updates.add(view.row());
            }
        }
        for (Map.Entry<Table, List<Object[]>> table : inserts.entrySet()) {
            insert(connection, table.getKey(), table.getValue());
        }
        batch(connection, VIEW_UPDATE, updates);
        batch(connection, "DELETE FROM bench_release_deadline WHERE instance_id = ?", deadlinesGone);
        batch(connection, "UPDATE bench_token SET position = ? WHERE segment = ?",
                List.<Object[]>of(new Object[] {last, segment}));
    }

    /** An instance's view row as the chunk left it, and whether the chunk added it (else it is updated). */
    private record View(boolean added, Object[] row) {
    }

    private static void add(Map<Table, List<Object[]>> inserts, Table table, Object... values) {
        inserts.computeIfAbsent(table, key -> new ArrayList<>()).add(values);
    }

    private void insert(Connection connection, Table table, List<Object[]> rows) throws SQLException {
        if (!copies) {
            batch(connection, table.insert(), rows);
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (!PendingWrites.appendCopyValue(text, row[i])) {
                    throw new IllegalArgumentException("No COPY text for " + row[i] + " in " + table.name());
                }
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        PendingWrites.copyIn(connection, "COPY " + table.name() + " (" + table.columns() + ") FROM STDIN",
                bytes);
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** An event as the rebuild needs it: its position, ids, the payload type's simple name, time and payload. */
    private record Event(long position, String id, String aggregate, String type, String timeStamp, String payload) {
    }

    private record Table(String name, String columns) {

        String insert() {
            return "INSERT INTO " + name + " (" + columns + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.split(",").length, "?")) + ")";
        }
    }
}
