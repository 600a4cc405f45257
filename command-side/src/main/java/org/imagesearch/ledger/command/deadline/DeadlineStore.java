package org.imagesearch.ledger.command.deadline;

import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.ProcessDueDeadlines;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The next deadline of every instance that has one: {@code instance_deadline(instance_id, due_at)}.
 * It is derived from the events, written in the transaction that records them, so it always equals
 * what the instance itself would say is next.
 */
public class DeadlineStore implements DueDeadlines {

    private final JdbcTemplate jdbc;

    public DeadlineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The deadline of an instance that has none yet: its purchase, which created it. */
    public void scheduleFirst(InstanceId instance, Instant dueAt) {
        jdbc.update("INSERT INTO instance_deadline (instance_id, due_at) VALUES (?, ?)", instance.value(),
                Timestamp.from(dueAt));
    }

    public void schedule(InstanceId instance, Instant dueAt) {
        int updated = jdbc.update("UPDATE instance_deadline SET due_at = ? WHERE instance_id = ?",
                Timestamp.from(dueAt), instance.value());
        if (updated == 0) {
            jdbc.update("INSERT INTO instance_deadline (instance_id, due_at) VALUES (?, ?)",
                    instance.value(), Timestamp.from(dueAt));
        }
    }

    public void clear(InstanceId instance) {
        jdbc.update("DELETE FROM instance_deadline WHERE instance_id = ?", instance.value());
    }

    @Override
    public List<Object> dueBy(Instant now, int limit) {
        return jdbc.query("SELECT instance_id FROM instance_deadline WHERE due_at <= ? ORDER BY due_at, instance_id"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                (rs, row) -> new ProcessDueDeadlines(new InstanceId(rs.getString(1))), Timestamp.from(now));
    }

    @Override
    public Optional<Instant> earliestBy(Instant horizon) {
        Timestamp earliest = jdbc.queryForObject(
                "SELECT MIN(due_at) FROM instance_deadline WHERE due_at <= ?", Timestamp.class,
                Timestamp.from(horizon));
        return Optional.ofNullable(earliest).map(Timestamp::toInstant);
    }

    public Optional<Instant> dueAt(InstanceId instance) {
        return jdbc.query("SELECT due_at FROM instance_deadline WHERE instance_id = ?",
                (rs, row) -> rs.getTimestamp(1).toInstant(), instance.value()).stream().findFirst();
    }
}
