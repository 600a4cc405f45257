package org.imagesearch.ledger.app.config;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * How the event store's readers fetch the next events when their token has gaps: the range after the
 * token and the gaps below it as two index lookups joined by {@code UNION ALL}.
 *
 * <p>Axon's own statement is {@code WHERE (gi > ? AND gi <= ?) OR gi IN (gaps)}. H2 plans that
 * {@code OR} as a walk over the whole primary key, so every fetch read the entire event table: under
 * load the event store's reader took 44% of the CPU (JFR, the benchmark's commands on H2). The two
 * halves cannot overlap (gaps lie at or below the token's index, the range above it), so the union
 * returns the same rows, and each half is an index range or index lookups on either database.
 */
public final class GapReads {

    private GapReads() {
    }

    /** Parameters: the token's index, the index + batch size, then each gap. */
    public static String sql(EventSchema schema, int gapCount) {
        String fields = schema.trackedEventFields();
        String index = schema.globalIndexColumn();
        String table = schema.domainEventTable();
        return "SELECT " + fields + " FROM ("
                + "SELECT " + fields + " FROM " + table + " WHERE " + index + " > ? AND " + index + " <= ?"
                + " UNION ALL "
                + "SELECT " + fields + " FROM " + table + " WHERE " + index + " IN ("
                + String.join(",", Collections.nCopies(gapCount, "?")) + ")"
                + ") fetched ORDER BY " + index + " ASC";
    }

    public static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                          int batchSize, List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
