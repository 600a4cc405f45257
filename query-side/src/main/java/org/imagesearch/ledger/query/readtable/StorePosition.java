package org.imagesearch.ledger.query.readtable;

/**
 * An event's global position in the event store, for the read tables that keep it beside their rows.
 *
 * <p>A row is written with its event's position read from the store by the event's identifier, in
 * the row's own {@code INSERT}: the token a projection is handed names the furthest position seen,
 * which for an event committed late is not the event's own. Reads then order by the stored column
 * and never join the event table. With no such event in the store the subquery is null, and a
 * {@code NOT NULL} position column fails the batch instead of writing a row without its place.
 */
public final class StorePosition {

    /** A scalar subquery for the global position of the event whose identifier is bound to it. */
    public static final String OF_EVENT = "(SELECT global_index FROM domain_event_entry WHERE event_identifier = ?)";

    private StorePosition() {
    }
}
