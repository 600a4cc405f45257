package org.imagesearch.ledger.app;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.table.Table;
import org.h2.value.VersionedValue;
import org.imagesearch.ledger.app.config.H2Leftovers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 can keep, after {@code kill -9}, entries of a transaction that never committed without the undo
 * records that would roll them back (ADR 0030). These tests make such a file on purpose: a transaction
 * writes, its undo log is emptied, the store writes its maps, and the database stops as a killed
 * process would ({@code SHUTDOWN IMMEDIATELY}, which writes nothing more).
 */
class H2LeftoversTest {

    @Test
    void leftoversOfAnUnfinishedTransactionAreRolledBackToTheirCommittedRows() throws Exception {
        String url = TestDatabase.create("h2-leftovers", false).jdbcUrl();
        int unfinished;
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            execute(setup, "CREATE TABLE deadline (instance_id VARCHAR(64) PRIMARY KEY, due_at INT NOT NULL)");
            execute(setup, "INSERT INTO deadline VALUES ('kept', 1), ('moved', 2), ('released', 3)");
            unfinished = killedWithoutItsUndoLog(url, setup,
                    "INSERT INTO deadline VALUES ('half-done', 4)",
                    "UPDATE deadline SET due_at = 20 WHERE instance_id = 'moved'",
                    "DELETE FROM deadline WHERE instance_id = 'released'");
        }

        List<Connection> sessions = sessionsUpToTransaction(url, unfinished);
        Connection heir = sessions.get(sessions.size() - 1);
        Connection other = sessionWithATransaction(url);
        sessions.add(other);
        try {
            assertThat(rows(heir)).as("the session given the unfinished transaction's number reads its writes")
                    .containsExactly("half-done=4", "kept=1", "moved=20");
            assertThat(rows(other)).as("another session does not")
                    .containsExactly("kept=1", "moved=2", "released=3");
            assertThat(H2Leftovers.rollBack(heir)).as("nothing is touched while other sessions are open").isEqualTo(-1);
        } finally {
            for (Connection session : sessions) {
                session.close();
            }
        }

        assertThat(H2Leftovers.rollBack(url, "sa", ""))
                .as("entries rolled back: the inserted and the deleted row, each with its key; the updated row and its key")
                .isEqualTo(6);

        sessions = sessionsUpToTransaction(url, unfinished);
        try {
            assertThat(H2Leftovers.uncommittedEntries(sessions.get(0))).isZero();
            for (Connection session : sessions) {
                assertThat(rows(session)).as("every session reads the committed rows")
                        .containsExactly("kept=1", "moved=2", "released=3");
            }
        } finally {
            for (Connection session : sessions) {
                session.close();
            }
        }
        assertThat(H2Leftovers.rollBack(url, "sa", "")).as("a second look finds nothing").isZero();
    }

    @Test
    void aFileIsSearchedIfTheLedgerOrAnythingElseStoppedWithoutClosingIt() throws Exception {
        TestDatabase.Target database = TestDatabase.create("h2-clean-mark", false);
        String url = database.jdbcUrl() + ";WRITE_DELAY=0";
        Path file = H2Leftovers.fileOf(url).orElseThrow();
        Path inUse = database.dataDir().resolve("ledger.mv.db.in-use");
        assertThat(file).isEqualTo(database.dataDir().resolve("ledger.mv.db"));
        assertThat(H2Leftovers.fileOf("jdbc:h2:mem:ledger")).isEmpty();
        assertThat(H2Leftovers.beforeUse("jdbc:h2:mem:ledger", "sa", "")).as("not a file: not marked").isFalse();

        assertThat(H2Leftovers.beforeUse(url, "sa", "")).as("a new file, marked in use").isTrue();
        assertThat(inUse).exists();
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            execute(setup, "CREATE TABLE deadline (instance_id VARCHAR(64) PRIMARY KEY, due_at INT NOT NULL)");
            killedWithoutItsUndoLog(url, setup, "INSERT INTO deadline VALUES ('half-done', 4)");
        }
        assertThat(H2Leftovers.closedCleanly(file)).as("H2's header after a kill").isFalse();
        try (Connection somethingElse = DriverManager.getConnection(url, "sa", "")) {
            assertThat(H2Leftovers.uncommittedEntries(somethingElse)).isEqualTo(2);
        }
        assertThat(H2Leftovers.closedCleanly(file)).as("H2's header once something else closed the file").isTrue();

        assertThat(H2Leftovers.beforeUse(url, "sa", "")).as("the ledger's own mark was left: searched").isTrue();
        try (Connection check = DriverManager.getConnection(url, "sa", "")) {
            assertThat(H2Leftovers.uncommittedEntries(check)).isZero();
        }
        H2Leftovers.afterUse(url);
        assertThat(inUse).doesNotExist();

        try (Connection outsideTheLedger = DriverManager.getConnection(url, "sa", "")) {
            killedWithoutItsUndoLog(url, outsideTheLedger, "INSERT INTO deadline VALUES ('killed-elsewhere', 5)");
        }
        assertThat(H2Leftovers.beforeUse(url, "sa", "")).as("H2's header lacks its clean mark: searched").isTrue();
        try (Connection check = DriverManager.getConnection(url, "sa", "")) {
            assertThat(H2Leftovers.uncommittedEntries(check)).isZero();
        }
        H2Leftovers.afterUse(url);
    }

    @Test
    void aFileClosedCleanlyAfterTheLedgerClosedItIsNotSearched() throws Exception {
        TestDatabase.Target database = TestDatabase.create("h2-clean-file", false);
        String url = database.jdbcUrl() + ";WRITE_DELAY=0";
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            execute(setup, "CREATE TABLE deadline (instance_id VARCHAR(64) PRIMARY KEY, due_at INT NOT NULL)");
            killedWithoutItsUndoLog(url, setup, "INSERT INTO deadline VALUES ('killed-elsewhere', 5)");
        }
        try (Connection somethingElse = DriverManager.getConnection(url, "sa", "")) {
            assertThat(H2Leftovers.uncommittedEntries(somethingElse)).isEqualTo(2);
        }

        assertThat(H2Leftovers.beforeUse(url, "sa", "")).isTrue();
        try (Connection check = DriverManager.getConnection(url, "sa", "")) {
            assertThat(H2Leftovers.uncommittedEntries(check))
                    .as("killed outside the ledger, then closed cleanly: not searched (ADR 0030)").isEqualTo(2);
        }
        H2Leftovers.afterUse(url);
    }

    @Test
    void aCommitTheKillCutInTwoIsReportedAsAnIndexUnlikeItsTable() throws Exception {
        String url = TestDatabase.create("h2-cut-commit", false).jdbcUrl();
        try (Connection setup = DriverManager.getConnection(url, "sa", "")) {
            execute(setup, "CREATE TABLE deadline (instance_id VARCHAR(64) PRIMARY KEY, due_at INT NOT NULL)");
            execute(setup, "INSERT INTO deadline VALUES ('kept', 1)");
            killedWhileCommitting(url, setup, "INSERT INTO deadline VALUES ('cut', 2)");
        }
        try (Connection alone = DriverManager.getConnection(url, "sa", "")) {
            assertThat(H2Leftovers.rollBack(alone)).as("the index entry, left uncommitted").isEqualTo(1);
            assertThat(H2Leftovers.indexesUnlikeTheirTables(alone)).singleElement().asString()
                    .startsWith("table DEADLINE has 2 rows, its index").endsWith(" 1 entries");
        }
    }

    @Test
    void theLedgerRollsBackAKilledPurchasesDeadlineBeforeItStarts() throws Exception {
        TestDatabase.Target database = TestDatabase.create("h2-leftovers-ledger", false);
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new)).close();
        int unfinished;
        try (Connection setup = DriverManager.getConnection(database.jdbcUrl(), "sa", "")) {
            unfinished = killedWithoutItsUndoLog(database.jdbcUrl(), setup,
                    "INSERT INTO instance_deadline (instance_id, due_at) VALUES ('never-purchased', TIMESTAMP '2027-01-01 00:00:00')");
        }
        assertThat(unfinished).isPositive();

        Path inUse = database.dataDir().resolve("ledger.mv.db.in-use");
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            assertThat(ledger.isRunning()).isTrue();
            assertThat(inUse).as("marked while the ledger has it open").exists();
        }
        assertThat(inUse).as("not once it stopped").doesNotExist();
        try (Connection check = DriverManager.getConnection(database.jdbcUrl(), "sa", "")) {
            assertThat(H2Leftovers.uncommittedEntries(check)).as("entries of unfinished transactions").isZero();
            assertThat(H2Leftovers.indexesUnlikeTheirTables(check)).isEmpty();
        }
    }

    /**
     * A transaction runs {@code statements} and stays open; its undo log is emptied, the store writes
     * every map, and the database stops without writing anything more, as if killed: the file then holds
     * the transaction's entries and nothing to roll them back. The transaction's number is returned.
     */
    private static int killedWithoutItsUndoLog(String url, Connection setup, String... statements) throws Exception {
        return killed(url, setup, false, statements);
    }

    /**
     * As {@link #killedWithoutItsUndoLog}, but with the transaction's table rows committed first and its
     * index entries not, as a store taken while H2 commits the transaction entry by entry can find it.
     */
    private static int killedWhileCommitting(String url, Connection setup, String... statements) throws Exception {
        return killed(url, setup, true, statements);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int killed(String url, Connection setup, boolean rowsCommitted, String... statements)
            throws Exception {
        Connection writer = DriverManager.getConnection(url, "sa", "");
        writer.setAutoCommit(false);
        for (String statement : statements) {
            execute(writer, statement);
        }
        SessionLocal session = (SessionLocal) writer.unwrap(JdbcConnection.class).getSession();
        int transaction = session.getTransaction().getId();
        TransactionStore transactions = session.getDatabase().getStore().getTransactionStore();
        Field undoLogs = TransactionStore.class.getDeclaredField("undoLogs");
        undoLogs.setAccessible(true);
        ((MVMap<?, ?>[]) undoLogs.get(transactions))[transaction].clear();
        if (rowsCommitted) {
            for (Table table : session.getDatabase().getAllTablesAndViews()) {
                for (Index index : table instanceof MVTable ? table.getIndexes() : List.<Index>of()) {
                    if (index instanceof MVPrimaryIndex primary) {
                        MVMap<Object, VersionedValue<Object>> rows = (MVMap) primary.getMVMap();
                        List<Object> uncommitted = new ArrayList<>();
                        rows.cursor(null).forEachRemaining(key -> {
                            if (rows.get(key).getOperationId() != 0) {
                                uncommitted.add(key);
                            }
                        });
                        for (Object key : uncommitted) {
                            rows.put(key, (VersionedValue<Object>) rows.get(key).getCurrentValue());
                        }
                    }
                }
            }
        }
        session.getDatabase().getStore().getMvStore().commit();
        execute(setup, "SHUTDOWN IMMEDIATELY");
        try {
            writer.close();
        } catch (SQLException closedWithTheDatabase) {
            // the database is gone under it, as under a killed process
        }
        return transaction;
    }

    /** Sessions, each holding an open transaction, until one holds transaction number {@code last}. */
    private static List<Connection> sessionsUpToTransaction(String url, int last) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        while (true) {
            Connection session = sessionWithATransaction(url);
            sessions.add(session);
            int number = ((SessionLocal) session.unwrap(JdbcConnection.class).getSession()).getTransaction().getId();
            if (number >= last) {
                assertThat(number).as("transaction numbers are given lowest first").isEqualTo(last);
                return sessions;
            }
        }
    }

    private static Connection sessionWithATransaction(String url) throws SQLException {
        Connection session = DriverManager.getConnection(url, "sa", "");
        session.setAutoCommit(false);
        rows(session);
        return session;
    }

    private static List<String> rows(Connection session) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = session.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT instance_id, due_at FROM deadline ORDER BY instance_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "=" + result.getInt(2));
            }
        }
        return rows;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
