package org.imagesearch.ledger.query.readtable;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;

/**
 * An event's global position in the event store, for the read tables that keep it beside their rows.
 *
 * <p>The token a projection is handed names the furthest position seen, which for an event committed
 * late is not the event's own. So a row is written with its event's position read from the store by
 * the event's identifier, in the row's own {@code INSERT} ({@link #OF_EVENT}); reads then order by the
 * stored column and never join the event table. With no such event in the store the subquery is null,
 * and a {@code NOT NULL} position column fails the batch instead of writing a row without its place.
 *
 * <p>A rebuild reads every event in order and knows each one's position: it hands them to the unit of
 * work ({@link #provide}), and the rows take them from there ({@link #of}) instead of looking them up.
 */
public final class StorePosition {

    /** A scalar subquery for the global position of the event whose identifier is bound to it. */
    public static final String OF_EVENT = "(SELECT global_index FROM domain_event_entry WHERE event_identifier = ?)";

    private static final String KNOWN = StorePosition.class.getName() + ".known";

    /** The position of an event looked up in the store as its row is written: {@link #OF_EVENT} on its identifier. */
    public record Lookup(String eventId) implements PendingWrites.Expression {

        @Override
        public String sql() {
            return OF_EVENT;
        }

        @Override
        public Object bound() {
            return eventId;
        }
    }

    private StorePosition() {
    }

    /**
     * The position of event {@code eventId}, as a value for {@link PendingWrites#insert}: the one
     * handed to the unit of work ({@link #provide}), or else a {@link Lookup}.
     */
    public static Object of(String eventId) {
        Map<String, Long> known = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(KNOWN)
                : null;
        Long position = known == null ? null : known.get(eventId);
        return position == null ? new Lookup(eventId) : position;
    }

    /** Hands the positions of the events of {@code unitOfWork}, by event identifier, to the rows it writes. */
    public static void provide(UnitOfWork<?> unitOfWork, Map<String, Long> positions) {
        unitOfWork.resources().put(KNOWN, positions);
    }
}
