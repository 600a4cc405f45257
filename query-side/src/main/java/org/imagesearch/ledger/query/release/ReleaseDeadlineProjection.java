package org.imagesearch.ledger.query.release;

import org.imagesearch.ledger.query.progress.Projections;
import org.imagesearch.ledger.query.readtable.ReadTables;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceReleased;
import org.imagesearch.ledger.api.instance.PackageRenewed;
import org.imagesearch.ledger.api.instance.QuotaExhausted;
import org.imagesearch.ledger.api.query.FindReleasesDue;
import org.imagesearch.ledger.api.query.ReleasesDue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** Release deadlines: every retained instance with its {@code releaseAt}. */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class ReleaseDeadlineProjection {

    private final JdbcTemplate jdbc;
    private final PendingWrites writes;

    public ReleaseDeadlineProjection(JdbcTemplate jdbc, PendingWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(QuotaExhausted event) {
        writes.insert("release_deadline", List.of("instance_id", "customer_id", "release_at"),
                event.instanceId().value(), event.customerId().value(), Timestamp.from(event.releaseAt()));
    }

    /** A renewal of a retained instance cancels its release. */
    @EventHandler
    void on(PackageRenewed event) {
        if (event.reactivated()) {
            remove(event.instanceId());
        }
    }

    @EventHandler
    void on(InstanceReleased event) {
        remove(event.instanceId());
    }

    private void remove(InstanceId instance) {
        writes.write("release_deadline", "DELETE FROM release_deadline WHERE instance_id = ?", instance.value());
    }

    @ResetHandler
    void reset() {
        ReadTables.clear(jdbc, "release_deadline");
    }

    @QueryHandler
    public ReleasesDue handle(FindReleasesDue query) {
        String select = "SELECT instance_id, customer_id, release_at FROM release_deadline";
        String order = " ORDER BY release_at, instance_id";
        RowMapper<ReleasesDue.Item> item = (rs, row) -> new ReleasesDue.Item(new InstanceId(rs.getString(1)),
                new CustomerId(rs.getString(2)), rs.getTimestamp(3).toInstant());
        return new ReleasesDue(query.dueBefore() == null
                ? jdbc.query(select + order, item)
                : jdbc.query(select + " WHERE release_at < ?" + order, item, Timestamp.from(query.dueBefore())));
    }
}
