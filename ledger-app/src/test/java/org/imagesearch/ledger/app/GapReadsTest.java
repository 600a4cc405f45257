package org.imagesearch.ledger.app;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.imagesearch.ledger.app.config.GapReads;
import org.imagesearch.ledger.app.config.StorageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader whose token has gaps gets the gaps that were filled and the range after it, by index, in order. */
class GapReadsTest {

    private final EventSchema schema = new StorageConfiguration().eventSchema();
    private Connection connection;

    @BeforeEach
    void eventsOneToTwentyButThreeAndEight() throws SQLException {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource(
                "db/migration/h2/V2026.11.26.1__event_and_token_store.sql")).execute(dataSource);
        connection = dataSource.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                + " event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload)"
                + " VALUES (?, ?, ?, 0, 'Instance', '2027-01-04T00:00:00Z', 'Purchased', X'7B7D')")) {
            for (long i = 1; i <= 20; i++) {
                if (i == 3 || i == 8) {
                    continue; // rolled back, or not committed yet
                }
                insert.setLong(1, i);
                insert.setString(2, "event-" + i);
                insert.setString(3, "instance-" + i);
                insert.executeUpdate();
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theFilledGapsAndTheNextBatchComeBackInOrder() throws SQLException {
        List<Long> read = new ArrayList<>();
        try (PreparedStatement statement = GapReads.readEventDataWithGaps(connection, schema, 10, 5, List.of(3L, 7L, 8L));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                read.add(rows.getLong(schema.globalIndexColumn()));
                assertThat(rows.getString(schema.eventIdentifierColumn())).isEqualTo("event-" + read.get(read.size() - 1));
            }
        }
        assertThat(read).containsExactly(7L, 11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void onH2BothHalvesAreIndexLookupsWhereAxonsOwnStatementWalksTheWholeTable() throws SQLException {
        assertThat(plan(GapReads.sql(schema, 2)))
                .containsPattern("PRIMARY_KEY_\\w+: GLOBAL_INDEX > ").containsPattern("PRIMARY_KEY_\\w+: GLOBAL_INDEX IN\\(");

        String axons = "SELECT " + schema.trackedEventFields() + " FROM domain_event_entry WHERE (global_index > ?"
                + " AND global_index <= ?) OR global_index IN (?,?) ORDER BY global_index ASC"; // its documented default
        assertThat(plan(axons)).as("the reason GapReads exists").doesNotContainPattern("PRIMARY_KEY_\\w+: GLOBAL_INDEX");
    }

    /** H2's plan for the query, with the token at 10, a batch of 5 and gaps 3 and 7. */
    private String plan(String query) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
            long[] values = {10, 15, 3, 7};
            for (int i = 0; i < values.length; i++) {
                explain.setLong(i + 1, values[i]);
            }
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
