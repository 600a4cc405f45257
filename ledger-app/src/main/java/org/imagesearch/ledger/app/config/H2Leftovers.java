package org.imagesearch.ledger.app.config;

import org.h2.engine.Database;
import org.h2.index.Index;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.table.Table;
import org.h2.value.VersionedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rolls back what an H2 file kept of transactions that never committed (ADR 0030).
 *
 * <p>H2 stores a commit by writing every changed map of the database to the file, one map after the
 * other, while other transactions go on writing. A transaction that writes between the moment its
 * undo log is taken and the moment a table or index is taken leaves that table's new entry on disk
 * without the undo record that would roll it back (H2 issue 2080). The next store normally writes
 * both; when the process is killed first, the file keeps an uncommitted entry that nothing will roll
 * back: a "leftover". H2 hides it from most sessions, but a session that is later given the same
 * transaction number reads it as its own. After {@code kill -9} the ledger could so find a
 * purchase's deadline row without the purchase.
 *
 * <p>When H2 has opened its file and ended the transactions its undo logs name, no transaction is
 * open, so every entry still marked uncommitted is a leftover. Each is put back to its committed
 * value, or removed if it had none, before anything else uses the database: every session then reads
 * what all but the heir read already. That reads every table and index of the schema, so it is done
 * only when the file may hold leftovers (see {@link #beforeUse}). H2's own catalog ({@code SYS}) is
 * left to H2: it reads it before its own recovery, and setting a sequence's row back could hand
 * positions out twice.
 *
 * <p>This does not make H2 atomic. A transaction that committed, but whose answer the kill stopped,
 * can be cut the same way into committed entries and leftovers; rolling those leftovers back keeps
 * the rest (ADR 0030).
 */
public final class H2Leftovers {

    private static final Logger log = LoggerFactory.getLogger(H2Leftovers.class);
    private static final List<String> FILE_PREFIXES = List.of("jdbc:h2:async:", "jdbc:h2:file:");
    /** H2 writes its file header twice, each copy in a block of 4,096 bytes. */
    private static final int HEADER_BYTES = 4096;

    private H2Leftovers() {
    }

    /**
     * Before the ledger uses the H2 file database at {@code url}: rolls its leftovers back if the file
     * may hold some, then marks the file as in use until {@link #afterUse(String)}. The file may hold
     * some when the ledger's mark is still there (the ledger was killed) or when H2's header lacks its
     * clean-close mark (something else was). Not an H2 file URL: nothing to do.
     *
     * @return whether this caller marked the file, and so should call {@link #afterUse(String)}: not if
     * the database was open already, in another session of this process
     */
    public static boolean beforeUse(String url, String username, String password) {
        Optional<Path> file = fileOf(url);
        if (file.isEmpty()) {
            return false;
        }
        Path inUse = inUseMark(file.get());
        if (Files.exists(inUse) || !closedCleanly(file.get())) {
            if (rollBack(url, username, password) < 0) {
                return false;
            }
        }
        try {
            Files.createDirectories(inUse.toAbsolutePath().getParent());
            Files.writeString(inUse, "The ledger has " + file.get().getFileName() + " open, or was stopped without closing it.\n");
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot mark " + file.get() + " as in use: " + e.getMessage(), e);
        }
    }

    /** After the ledger has finished with the database at {@code url}: its in-use mark goes. */
    public static void afterUse(String url) {
        fileOf(url).ifPresent(file -> {
            try {
                Files.deleteIfExists(inUseMark(file));
            } catch (IOException e) {
                log.warn("Could not remove {}: the next start will look for leftovers again", inUseMark(file), e);
            }
        });
    }

    private static Path inUseMark(Path file) {
        return file.resolveSibling(file.getFileName() + ".in-use");
    }

    /** Whether H2 closed this file cleanly: its first header says {@code clean:1}. */
    public static boolean closedCleanly(Path file) {
        byte[] header = new byte[HEADER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            String fields = new String(header, 0, read, StandardCharsets.ISO_8859_1).trim();
            return fields.startsWith("H:") && Arrays.asList(fields.split(",")).contains("clean:1");
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The {@code .mv.db} file of an H2 file URL, if the URL says where it is. */
    public static Optional<Path> fileOf(String url) {
        for (String prefix : FILE_PREFIXES) {
            if (url.startsWith(prefix)) {
                String name = url.substring(prefix.length()).split(";", 2)[0];
                if (name.startsWith("~")) {
                    name = System.getProperty("user.home") + name.substring(1);
                }
                return name.isEmpty() ? Optional.empty() : Optional.of(Path.of(name + ".mv.db"));
            }
        }
        return Optional.empty();
    }

    /**
     * Opens the database at {@code url} alone and rolls its leftovers back.
     *
     * @return how many entries were rolled back; -1 if another session had the database open already,
     * in which case nothing is touched
     */
    public static int rollBack(String url, String username, String password) {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            int rolledBack = rollBack(connection);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (rolledBack > 0) {
                log.warn("H2 kept {} entries of transactions that never committed (an unclean stop); rolled back in {} ms",
                        rolledBack, millis);
            } else if (rolledBack == 0) {
                log.info("H2 holds no entry of an unfinished transaction (checked in {} ms)", millis);
            } else {
                log.warn("H2's database was already open in another session: its leftovers were not looked for");
                return rolledBack;
            }
            for (String mismatch : indexesUnlikeTheirTables(connection)) {
                log.error("H2's file is inconsistent after an unclean stop: {}. A transaction the stop cut was"
                        + " committed in part (ADR 0030); recreate that index", mismatch);
            }
            return rolledBack;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open H2 to look for leftovers: " + e.getMessage(), e);
        }
    }

    /**
     * Rolls back the leftovers of the database behind {@code connection}, if it is the only session.
     *
     * @return how many entries were rolled back, or -1 if another session was open
     */
    public static int rollBack(Connection connection) throws SQLException {
        Database database = databaseOf(connection);
        if (database.getSessions(false).length > 1
                || !database.getStore().getTransactionStore().getOpenTransactions().isEmpty()) {
            return -1;
        }
        int rolledBack = 0;
        for (MVMap<Object, VersionedValue<Object>> map : maps(database)) {
            rolledBack += rollBack(map);
        }
        if (rolledBack > 0) {
            database.getStore().getMvStore().commit();
        }
        return rolledBack;
    }

    /**
     * How many entries of the database behind {@code connection} are marked uncommitted: the open
     * transactions' writes, and any leftover.
     */
    public static int uncommittedEntries(Connection connection) throws SQLException {
        int uncommitted = 0;
        for (MVMap<Object, VersionedValue<Object>> map : maps(databaseOf(connection))) {
            uncommitted += uncommitted(map).size();
        }
        return uncommitted;
    }

    /**
     * Each index whose count of entries differs from its table's count of rows, described. Every row
     * has an entry in each of its table's indexes, so a difference means the file kept part of a
     * transaction: what a kill during a commit can leave, which no rollback mends (ADR 0030). The
     * counts include uncommitted entries, so this is meant for after {@link #rollBack(Connection)}.
     */
    public static List<String> indexesUnlikeTheirTables(Connection connection) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        for (Table table : databaseOf(connection).getAllTablesAndViews()) {
            if (table instanceof MVTable) {
                long rows = -1;
                List<MVIndex<?, ?>> secondary = new ArrayList<>();
                for (Index index : table.getIndexes()) {
                    if (index instanceof MVPrimaryIndex primary) {
                        rows = primary.getMVMap().sizeAsLong();
                    } else if (index instanceof MVSecondaryIndex stored) {
                        secondary.add(stored);
                    }
                }
                for (MVIndex<?, ?> index : secondary) {
                    long entries = index.getMVMap().sizeAsLong();
                    if (rows >= 0 && entries != rows) {
                        mismatches.add("table " + table.getName() + " has " + rows + " rows, its index "
                                + index.getName() + " " + entries + " entries");
                    }
                }
            }
        }
        return mismatches;
    }

    private static int rollBack(MVMap<Object, VersionedValue<Object>> map) {
        List<Map.Entry<Object, VersionedValue<Object>>> leftovers = uncommitted(map);
        for (Map.Entry<Object, VersionedValue<Object>> leftover : leftovers) {
            Object key = leftover.getKey();
            Object committed = leftover.getValue().getCommittedValue();
            if (committed == null) {
                map.remove(key);
            } else if (committed instanceof VersionedValue<?> value) {
                @SuppressWarnings("unchecked")
                VersionedValue<Object> asStored = (VersionedValue<Object>) value;
                map.put(key, asStored);
            } else {
                throw new IllegalStateException("An H2 entry whose committed value is a " + committed.getClass()
                        + " in " + map.getName());
            }
        }
        return leftovers.size();
    }

    /** The map's entries marked uncommitted, as a list: H2's row keys have no hash code. */
    private static List<Map.Entry<Object, VersionedValue<Object>>> uncommitted(
            MVMap<Object, VersionedValue<Object>> map) {
        List<Map.Entry<Object, VersionedValue<Object>>> found = new ArrayList<>();
        for (Cursor<Object, VersionedValue<Object>> cursor = map.cursor(null); cursor.hasNext(); ) {
            Object key = cursor.next();
            VersionedValue<Object> value = cursor.getValue();
            if (value != null && value.getOperationId() != 0) {
                found.add(Map.entry(key, value));
            }
        }
        return found;
    }

    /** Every table's and index's map, each once (a primary key on the row key shares its table's map). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<MVMap<Object, VersionedValue<Object>>> maps(Database database) {
        Set<MVMap<?, ?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<MVMap<Object, VersionedValue<Object>>> maps = new ArrayList<>();
        for (Table table : database.getAllTablesAndViews()) {
            if (table instanceof MVTable) {
                for (Index index : table.getIndexes()) {
                    if (index instanceof MVIndex<?, ?> stored && seen.add(stored.getMVMap())) {
                        maps.add((MVMap) stored.getMVMap());
                    }
                }
            }
        }
        return maps;
    }

    private static Database databaseOf(Connection connection) throws SQLException {
        return EmbeddedH2.databaseOf(connection)
                .orElseThrow(() -> new IllegalArgumentException("not an embedded H2 database"));
    }
}
