package org.imagesearch.ledger.query.readtable;

import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A statement that PostgreSQL plans again each time it runs, for the table as it is then (ADR 0022).
 *
 * <p>PostgreSQL's JDBC driver prepares a statement on the server from its fifth run on a connection,
 * and from then on the server may keep one generic plan for it, made for the table as it was. For a
 * lookup of many keys at once ({@code = ANY (?)}) on a table that starts empty, that plan is a
 * sequential scan, and it stays one while the table grows, until an {@code ANALYZE} happens to
 * replace it: the batch snapshot read of the instance view took 4.5 ms a call over 20,000 rows, more
 * than every other statement of the benchmark's commands together. Planned each time, it is an index
 * scan as soon as the table is big enough for one to pay. A plan costs a few tens of microseconds; use
 * this for statements that run once per batch, not once per row.
 *
 * <p>Any other database: nothing to do.
 */
public final class PlannedEachTime {

    private PlannedEachTime() {
    }

    public static void apply(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
