package org.imagesearch.ledger.query.instance;

import org.imagesearch.ledger.query.readtable.ReadTables;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.query.QuerySideConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code instance_view} table: one row per instance with its snapshot (as JSON) and the columns
 * readers filter on.
 */
@Repository
public class InstanceViewRepository {

    private final JdbcTemplate jdbc;

    public InstanceViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InstanceSnapshot> find(InstanceId instanceId) {
        return jdbc.query("SELECT snapshot FROM instance_view WHERE instance_id = ?",
                (rs, row) -> fromJson(rs.getString(1)), instanceId.value()).stream().findFirst();
    }

    /** How a customer's instances are listed: by id, live and as of a past instant alike. */
    public static final Comparator<InstanceSnapshot> ORDER = Comparator.comparing(s -> s.instanceId().value());

    public List<InstanceSnapshot> ofCustomer(CustomerId customer) {
        return jdbc.query("SELECT snapshot FROM instance_view WHERE customer_id = ?",
                (rs, row) -> fromJson(rs.getString(1)), customer.value()).stream().sorted(ORDER).toList();
    }

    public void save(InstanceSnapshot snapshot) {
        Object[] values = {snapshot.customerId().value(), snapshot.state().name(), snapshot.trial(),
                timestamp(snapshot.periodStart()), timestamp(snapshot.periodEnd()), timestamp(snapshot.releaseAt()),
                toJson(snapshot), snapshot.instanceId().value()};
        int updated = jdbc.update("UPDATE instance_view SET customer_id = ?, state = ?, trial = ?, period_start = ?,"
                + " period_end = ?, release_at = ?, snapshot = ? WHERE instance_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO instance_view (customer_id, state, trial, period_start, period_end, release_at,"
                    + " snapshot, instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    public void deleteAll() {
        ReadTables.clear(jdbc, "instance_view");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String toJson(InstanceSnapshot snapshot) {
        try {
            return QuerySideConfiguration.READ_MODEL_JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the snapshot of " + snapshot.instanceId(), e);
        }
    }

    private static InstanceSnapshot fromJson(String json) {
        try {
            return QuerySideConfiguration.READ_MODEL_JSON.readValue(json, InstanceSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored instance snapshot", e);
        }
    }
}
