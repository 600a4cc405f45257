package org.imagesearch.ledger.command.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A table of deadlines the sweeper fires: each due row becomes a command to the aggregate that
 * decides what is due, such as {@code ProcessDueDeadlines} for an instance.
 */
public interface DueDeadlines {

    /** The commands that process up to {@code limit} aggregates due by {@code now}, earliest first. */
    List<Object> dueBy(Instant now, int limit);

    /** The earliest deadline at or before {@code horizon}, if any. */
    Optional<Instant> earliestBy(Instant horizon);
}
