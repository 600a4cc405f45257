package org.imagesearch.ledger.query.readtable;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.imagesearch.ledger.api.UtcInstants;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The projections' writes to their read tables, held for the batch of events being projected and
 * sent just before it commits, as JDBC batches: table by table, in the order they were made, each
 * run of the same statement one batch. Rows and token still commit in one transaction; a batch of
 * 100 events is then a handful of round trips instead of a few hundred.
 *
 * <p>On PostgreSQL a run of new rows ({@link #insert}) whose values are all plain goes as one
 * {@code COPY} instead (ADR 0029): the server takes the rows in without a statement to bind and
 * execute for each.
 *
 * <p>Outside a unit of work (a projection called directly) a write runs at once.
 */
@Component
public class PendingWrites {

    private static final String RESOURCE = PendingWrites.class.getName();
    /** Numbers whose own text is PostgreSQL's, in a {@code COPY}; and the instants a {@code COPY} writes. */
    private static final Set<Class<?>> DECIMAL_TEXT = Set.of(Long.class, Integer.class, Short.class);
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final JdbcTemplate jdbc;
    private final Map<Copy, String> plainInserts = new ConcurrentHashMap<>();
    private volatile Boolean copies;

    public PendingWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A value written by an SQL expression of its own, with one placeholder bound to {@link #bound()},
     * rather than as itself: a position looked up in the event store ({@link StorePosition}).
     */
    public interface Expression {

        String sql();

        Object bound();
    }

    /** Writes {@code sql} with {@code args} to {@code table} before the current batch commits. */
    public void write(String table, String sql, Object... args) {
        queue(new Write(table, sql, args, false, null));
    }

    /** Like {@link #write}, for a statement that must change exactly one row (an update of a known row). */
    public void writeOne(String table, String sql, Object... args) {
        queue(new Write(table, sql, args, true, null));
    }

    /**
     * Adds a row of {@code values}, one for each of {@code columns}, to {@code table} before the
     * current batch commits. A value may be an {@link Expression}.
     */
    public void insert(String table, List<String> columns, Object... values) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException(columns.size() + " columns of " + table + ", but " + values.length
                    + " values");
        }
        if (Arrays.stream(values).noneMatch(Expression.class::isInstance)) {
            Copy copy = new Copy(table, columns);
            queue(new Write(table, plainInserts.computeIfAbsent(copy, Copy::insert), values, false, copy));
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
                .append(String.join(", ", columns)).append(") VALUES (");
        Object[] args = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            sql.append(i == 0 ? "" : ", ");
            if (values[i] instanceof Expression expression) {
                sql.append(expression.sql());
                args[i] = expression.bound();
            } else {
                sql.append('?');
                args[i] = values[i];
            }
        }
        queue(new Write(table, sql.append(')').toString(), args, false, null));
    }

    private void queue(Write write) {
        Batch batch = batch(true);
        if (batch == null) {
            check(write, jdbc.update(write.sql(), write.args()));
        } else {
            batch.add(write);
        }
    }

    /**
     * Values a projection keeps for the current batch under {@code name} (such as the snapshots it
     * changed, so that a second event of one instance sees the first), handed to {@code flush} before
     * the queued writes are sent; null outside a unit of work.
     */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> staged(String name, Consumer<Map<K, V>> flush) {
        Batch batch = batch(true);
        return batch == null ? null : (Map<K, V>) batch.stages.computeIfAbsent(name,
                key -> new Stage(new LinkedHashMap<>(), (Consumer<Map<Object, Object>>) (Consumer<?>) flush)).values;
    }

    /** The values staged under {@code name} in the current batch, if there is one; never creates a batch. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> stagedIfAny(String name) {
        Batch batch = batch(false);
        Stage stage = batch == null ? null : batch.stages.get(name);
        return stage == null ? Map.of() : (Map<K, V>) stage.values;
    }

    private Batch batch(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!create) {
            return root.getResource(RESOURCE);
        }
        return root.getOrComputeResource(RESOURCE, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.flush(jdbc, copies()));
            return batch;
        });
    }

    /** Whether runs of new rows go as {@code COPY}: on PostgreSQL. */
    private boolean copies() {
        Boolean known = copies;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.isWrapperFor(PGConnection.class));
            copies = known;
        }
        return known;
    }

    private static void check(Write write, int count) {
        if (write.exactlyOne() && count != 1 && count != Statement.SUCCESS_NO_INFO) {
            throw new IllegalStateException("Expected one row of " + write.table() + " to change, not " + count
                    + ": " + write.sql() + " " + Arrays.toString(write.args()));
        }
    }

    /** {@code copy}: how the row may go as part of a {@code COPY} (null: it may not). */
    private record Write(String table, String sql, Object[] args, boolean exactlyOne, Copy copy) {
    }

    private record Stage(Map<Object, Object> values, Consumer<Map<Object, Object>> flush) {
    }

    private static final class Batch {

        private final Map<String, Stage> stages = new LinkedHashMap<>();
        private final Map<String, List<Write>> tables = new LinkedHashMap<>();

        void add(Write write) {
            tables.computeIfAbsent(write.table(), table -> new ArrayList<>()).add(write);
        }

        void flush(JdbcTemplate jdbc, boolean copies) {
            stages.values().forEach(stage -> stage.flush().accept(stage.values()));
            stages.clear();
            for (List<Write> writes : tables.values()) {
                int from = 0;
                while (from < writes.size()) {
                    Write first = writes.get(from);
                    int to = from + 1;
                    while (to < writes.size() && writes.get(to).sql().equals(first.sql())) {
                        to++;
                    }
                    List<Write> run = writes.subList(from, to);
                    if (!copies || first.copy() == null || run.size() < 2 || !first.copy().send(jdbc, run)) {
                        int[] counts = jdbc.batchUpdate(first.sql(), run.stream().map(Write::args).toList());
                        for (int i = 0; i < counts.length; i++) {
                            check(run.get(i), counts[i]);
                        }
                    }
                    from = to;
                }
            }
            tables.clear();
        }
    }

    /**
     * Runs {@code sql}, a {@code COPY ... FROM STDIN}, on a PostgreSQL {@code connection} with {@code text}
     * as its input, and answers how many rows it copied; a copy that fails is cancelled, not left open.
     */
    public static long copyIn(Connection connection, String sql, byte[] text) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(text, 0, text.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Appends {@code value} to {@code text} in PostgreSQL's {@code COPY} text format; false (and nothing
     * appended) for a value of a kind this does not write, or an instant outside the years 1 to 9999.
     */
    public static boolean appendCopyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            appendCopyText(text, string);
        } else if (DECIMAL_TEXT.contains(value.getClass())) {
            text.append(value);
        } else if (value instanceof BigDecimal decimal) {
            // with a scale of 0 to 6 its own text, which it keeps once made, is the plain one
            text.append(decimal.scale() >= 0 && decimal.scale() <= 6 ? decimal.toString() : decimal.toPlainString());
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof Timestamp timestamp
                && !timestamp.toInstant().isBefore(FIRST) && !timestamp.toInstant().isAfter(AFTER_LAST)) {
            UtcInstants.appendTo(text, timestamp.toInstant());
        } else {
            return false;
        }
        return true;
    }

    private static void appendCopyText(StringBuilder text, String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /**
     * New rows of one table sent as one {@code COPY ... FROM STDIN}, in PostgreSQL's text format. A
     * value of a kind this does not write (or an instant outside the years 1 to 9999) sends nothing,
     * and the rows go as statements instead.
     */
    private record Copy(String table, List<String> columns) {

        /** The {@code INSERT} of one row of plain values. */
        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }


        /** Sends {@code rows}; false (and nothing sent) if one holds a value this cannot write. */
        boolean send(JdbcTemplate jdbc, List<Write> rows) {
            StringBuilder text = new StringBuilder(rows.size() * 160);
            for (Write row : rows) {
                Object[] values = row.args();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    if (!appendCopyValue(text, values[i])) {
                        return false;
                    }
                }
                text.append('\n');
            }
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            long copied = jdbc.execute((ConnectionCallback<Long>) connection -> copyIn(connection, sql, bytes));
            if (copied != rows.size()) {
                throw new IllegalStateException("Copied " + copied + " rows of " + rows.size() + " into " + table);
            }
            return true;
        }
    }
}
