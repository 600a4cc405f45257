package org.imagesearch.ledger.command.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.imagesearch.ledger.api.instance.ProcessDueDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Fires due deadlines: for every aggregate whose next deadline is at or before the business clock,
 * it sends the command its {@link DueDeadlines} names ({@link ProcessDueDeadlines} for an instance).
 * The aggregate decides what is due, and records it once: a second sweep, or a sweep on another
 * node, finds nothing left to do, and two nodes racing on one aggregate collide on its event
 * sequence, so only one of them records anything.
 */
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final List<DueDeadlines> tables;
    private final CommandGateway commands;
    private final Clock clock;
    private final ExecutorService workers;
    private final int batchSize;

    public DeadlineSweeper(List<DueDeadlines> tables, CommandGateway commands, Clock clock, ExecutorService workers,
                           int batchSize) {
        this.tables = List.copyOf(tables);
        this.commands = commands;
        this.clock = clock;
        this.workers = workers;
        this.batchSize = batchSize;
    }

    /**
     * Fires every deadline due by the business clock, until none is left, and returns how many
     * aggregates it processed. One whose processing fails, or which is still due after it was
     * processed, is left for the next sweep, so one sweep never loops on it.
     *
     * <p>One sweep at a time per node: the poller and a moving test clock would otherwise both take
     * the same due rows and process each instance twice (seen in the benchmark's wave, where two
     * sweepers took 100,000 exhaustions and each saw the other's work as "still due").
     */
    public synchronized int sweep() {
        Set<Object> skipped = new HashSet<>();
        Set<Object> done = new HashSet<>();
        int processed = 0;
        while (true) {
            Instant now = clock.instant();
            List<Object> due = new ArrayList<>();
            for (DueDeadlines table : tables) {
                due.addAll(table.dueBy(now, batchSize + skipped.size() + done.size()));
            }
            for (Object stillDue : due) {
                if (done.contains(stillDue) && skipped.add(stillDue)) {
                    log.warn("{} is still due after it was processed; left for the next sweep", stillDue);
                }
            }
            due.removeAll(skipped);
            if (due.isEmpty()) {
                return processed;
            }
            List<CompletableFuture<Boolean>> results = new ArrayList<>(due.size());
            for (Object command : due) {
                results.add(CompletableFuture.supplyAsync(() -> process(command), workers));
            }
            for (int i = 0; i < due.size(); i++) {
                if (results.get(i).join()) {
                    processed++;
                    done.add(due.get(i));
                } else {
                    skipped.add(due.get(i));
                }
            }
        }
    }

    /** The earliest deadline at or before {@code horizon}. */
    public Optional<Instant> earliestDeadlineBy(Instant horizon) {
        return tables.stream().map(table -> table.earliestBy(horizon)).flatMap(Optional::stream)
                .filter(Objects::nonNull).min(Instant::compareTo);
    }

    private boolean process(Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            log.warn("{} not processed this time; it stays due: {}", command, e.toString());
            return false;
        }
    }
}
