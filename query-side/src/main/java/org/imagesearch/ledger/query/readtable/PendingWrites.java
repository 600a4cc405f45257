package org.imagesearch.ledger.query.readtable;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The projections' writes to their read tables, held for the batch of events being projected and
 * sent just before it commits, as JDBC batches: table by table, in the order they were made, each
 * run of the same statement one batch. Rows and token still commit in one transaction; a batch of
 * 100 events is then a handful of round trips instead of a few hundred.
 *
 * <p>Outside a unit of work (a projection called directly) a write runs at once.
 */
@Component
public class PendingWrites {

    private static final String RESOURCE = PendingWrites.class.getName();

    private final JdbcTemplate jdbc;

    public PendingWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes {@code sql} with {@code args} to {@code table} before the current batch commits. */
    public void write(String table, String sql, Object... args) {
        queue(new Write(table, sql, args, false));
    }

    /** Like {@link #write}, for a statement that must change exactly one row (an update of a known row). */
    public void writeOne(String table, String sql, Object... args) {
        queue(new Write(table, sql, args, true));
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
            root.onPrepareCommit(u -> batch.flush(jdbc));
            return batch;
        });
    }

    private static void check(Write write, int count) {
        if (write.exactlyOne() && count != 1 && count != Statement.SUCCESS_NO_INFO) {
            throw new IllegalStateException("Expected one row of " + write.table() + " to change, not " + count
                    + ": " + write.sql() + " " + Arrays.toString(write.args()));
        }
    }

    private record Write(String table, String sql, Object[] args, boolean exactlyOne) {
    }

    private record Stage(Map<Object, Object> values, Consumer<Map<Object, Object>> flush) {
    }

    private static final class Batch {

        private final Map<String, Stage> stages = new LinkedHashMap<>();
        private final Map<String, List<Write>> tables = new LinkedHashMap<>();

        void add(Write write) {
            tables.computeIfAbsent(write.table(), table -> new ArrayList<>()).add(write);
        }

        void flush(JdbcTemplate jdbc) {
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
                    int[] counts = jdbc.batchUpdate(first.sql(), run.stream().map(Write::args).toList());
                    for (int i = 0; i < counts.length; i++) {
                        check(run.get(i), counts[i]);
                    }
                    from = to;
                }
            }
            tables.clear();
        }
    }
}
