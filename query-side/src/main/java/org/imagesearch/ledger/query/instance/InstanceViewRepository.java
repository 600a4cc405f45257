package org.imagesearch.ledger.query.instance;

import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.imagesearch.ledger.query.readtable.PlannedEachTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.query.QuerySideConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code instance_view} table: one row per instance with its snapshot (as JSON) and the columns
 * readers filter on.
 */
@Repository
public class InstanceViewRepository {

    private static final String TABLE = "instance_view";
    private static final String STORED = InstanceViewRepository.class.getName() + ".stored";
    private static final List<String> COLUMNS = List.of("customer_id", "state", "trial", "period_start", "period_end",
            "release_at", "snapshot", "instance_id");
    private static final String UPDATE = "UPDATE instance_view SET customer_id = ?, state = ?, trial = ?,"
            + " period_start = ?, period_end = ?, release_at = ?, snapshot = ? WHERE instance_id = ?";

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public InstanceViewRepository(JdbcTemplate jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * An instance's snapshot: as the batch being projected left it, or as stored. In a batch of
     * events, the first call reads the stored snapshots of every aggregate in the batch in one query
     * ({@link #storedForBatch}), and the batch's other calls find theirs among them.
     */
    public Optional<InstanceSnapshot> find(InstanceId instanceId) {
        Staged staged = writes.<InstanceId, Staged>stagedIfAny(TABLE).get(instanceId);
        if (staged != null) {
            return Optional.of(staged.snapshot());
        }
        Map<String, InstanceSnapshot> stored = storedForBatch();
        if (stored.containsKey(instanceId.value())) {
            return Optional.ofNullable(stored.get(instanceId.value()));
        }
        return jdbc.query("SELECT snapshot FROM instance_view WHERE instance_id = ?",
                (rs, row) -> fromJson(rs.getString(1)), instanceId.value()).stream().findFirst();
    }

    /**
     * The stored snapshots of the aggregates whose events make up the batch being projected, by
     * aggregate identifier (an instance's is its id), null for those with none stored; read once per
     * batch, as it began, so the batch's own changes are the staged ones. Empty outside a batch. On
     * PostgreSQL the query is planned at each batch ({@link PlannedEachTime}, ADR 0022).
     */
    private Map<String, InstanceSnapshot> storedForBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return Map.of();
        }
        return batch.getOrComputeResource(STORED, key -> {
            Map<String, InstanceSnapshot> stored = new HashMap<>();
            for (Object message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event) {
                    stored.put(event.getAggregateIdentifier(), null);
                }
            }
            if (stored.isEmpty()) {
                return stored;
            }
            jdbc.query("SELECT snapshot FROM instance_view WHERE instance_id = ANY (?)",
                    statement -> {
                        PlannedEachTime.apply(statement);
                        statement.setArray(1, statement.getConnection().createArrayOf("VARCHAR",
                                stored.keySet().toArray()));
                    },
                    row -> {
                        InstanceSnapshot snapshot = fromJson(row.getString(1));
                        stored.put(snapshot.instanceId().value(), snapshot);
                    });
            return stored;
        });
    }

    /** How a customer's instances are listed: by id, live and as of a past instant alike. */
    public static final Comparator<InstanceSnapshot> ORDER = Comparator.comparing(s -> s.instanceId().value());

    public List<InstanceSnapshot> ofCustomer(CustomerId customer) {
        return jdbc.query("SELECT snapshot FROM instance_view WHERE customer_id = ?",
                (rs, row) -> fromJson(rs.getString(1)), customer.value()).stream().sorted(ORDER).toList();
    }

    /** The first snapshot of an instance (its purchase). */
    public void add(InstanceSnapshot snapshot) {
        stage(snapshot, true);
    }

    /** The next snapshot of an instance already added. */
    public void replace(InstanceSnapshot snapshot) {
        stage(snapshot, false);
    }

    /** Within a batch, each instance's last snapshot is kept and written once, just before the batch commits. */
    private void stage(InstanceSnapshot snapshot, boolean added) {
        Map<InstanceId, Staged> staged = writes.staged(TABLE, this::write);
        if (staged == null) {
            write(Map.of(snapshot.instanceId(), new Staged(snapshot, added)));
            return;
        }
        Staged before = staged.get(snapshot.instanceId());
        staged.put(snapshot.instanceId(), new Staged(snapshot, added || before != null && before.added()));
    }

    /** New rows first, then changed ones: two runs of one statement each. */
    private void write(Map<InstanceId, Staged> staged) {
        for (Staged row : staged.values()) {
            if (row.added()) {
                writes.insert(TABLE, COLUMNS, values(row.snapshot()));
            }
        }
        for (Staged row : staged.values()) {
            if (!row.added()) {
                writes.writeOne(TABLE, UPDATE, values(row.snapshot()));
            }
        }
    }

    private static Object[] values(InstanceSnapshot snapshot) {
        return new Object[] {snapshot.customerId().value(), snapshot.state().name(), snapshot.trial(),
                timestamp(snapshot.periodStart()), timestamp(snapshot.periodEnd()), timestamp(snapshot.releaseAt()),
                toJson(snapshot), snapshot.instanceId().value()};
    }

    private record Staged(InstanceSnapshot snapshot, boolean added) {
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
