package org.imagesearch.ledger.app.config;

import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The housekeeping H2 does in its background writer, which {@code WRITE_DELAY=0} switches off
 * (ADR 0016).
 *
 * <p>Each commit writes its changed pages to a new chunk at the end of the file. A chunk is freed only
 * when none of its pages is live any more, and with a random key in an index (the event identifier
 * until ADR 0017; an instance's identifier still) almost every chunk keeps a page or two for good. H2's
 * writer thread rewrites such sparse chunks so that the old ones die; with {@code WRITE_DELAY=0} there
 * is no writer thread, and the file grew by some 30 KB per commit without end (4.6 GB in 80,000
 * commands). Each round here rewrites the live pages of chunks below {@link #TARGET_FILL_RATE}, as H2's
 * writer would; a chunk left empty is reused once H2's retention time (45 s) has passed since it was
 * written. At a steady rate the file then holds about the last 45 s of commits and whatever is live; a
 * long burst of heavy writing still grows it, and its space is reused afterwards.
 *
 * <p>Not H2, or not an embedded file: nothing to do.
 */
public final class H2Housekeeping implements Runnable {

    /** Chunks with fewer live bytes than this share of their length are rewritten. */
    static final int TARGET_FILL_RATE = 50;
    /** Bytes rewritten per round, about what H2's writer takes per pass while busy (a quarter of 19 MiB). */
    static final int WRITE_PER_ROUND = 4 << 20;

    private final DataSource dataSource;

    public H2Housekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One round: rewrites the sparsest chunks, if the database is an H2 file. */
    @Override
    public void run() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStoreOf(connection);
            if (store != null) {
                store.compact(TARGET_FILL_RATE, WRITE_PER_ROUND);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("H2's housekeeping could not reach the database: " + e.getMessage(), e);
        }
    }

    /** The store behind an embedded H2 file database, or null for anything else. */
    static MVStore fileStoreOf(Connection connection) throws SQLException {
        MVStore store = EmbeddedH2.databaseOf(connection).map(database -> database.getStore().getMvStore())
                .orElse(null);
        return store == null || store.getFileStore() == null || store.isClosed() ? null : store;
    }
}
