package org.imagesearch.ledger.query.proration;

import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.imagesearch.ledger.query.readtable.StorePosition;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.query.Prorations;
import org.imagesearch.ledger.query.QuerySideConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/**
 * The {@code proration} table: one row per package change, keyed by its event, its inputs kept as
 * JSON beside the result and its event's global position ({@link StorePosition}).
 */
@Repository
public class ProrationRepository {

    private static final List<String> COLUMNS = List.of("event_id", "position", "instance_id", "customer_id",
            "changed_at", "direction", "amount", "detail");

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public ProrationRepository(JdbcTemplate jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public void add(String eventId, Prorations.Row row) {
        writes.insert("proration", COLUMNS, eventId, StorePosition.of(eventId), row.instanceId().value(),
                row.customerId().value(), Timestamp.from(row.changedAt()), row.direction().name(), row.amount().amount(),
                toJson(row));
    }

    public List<Prorations.Row> ofInstance(InstanceId instance) {
        return jdbc.query("SELECT position, detail FROM proration WHERE instance_id = ? ORDER BY position",
                (rs, n) -> fromJson(rs.getString(2)).at(rs.getLong(1)), instance.value());
    }

    public void deleteAll() {
        ReadTables.clear(jdbc, "proration");
    }

    private static String toJson(Prorations.Row row) {
        try {
            return QuerySideConfiguration.READ_MODEL_JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the proration at " + row.position(), e);
        }
    }

    private static Prorations.Row fromJson(String json) {
        try {
            return QuerySideConfiguration.READ_MODEL_JSON.readValue(json, Prorations.Row.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored proration", e);
        }
    }
}
