package org.imagesearch.ledger.command.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.ProcessDueDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Fires due deadlines: for every instance whose next deadline is at or before the business clock,
 * it sends {@link ProcessDueDeadlines}. The instance decides what is due, and records it once:
 * a second sweep, or a sweep on another node, finds nothing left to do, and two nodes racing on one
 * instance collide on its event sequence, so only one of them records anything.
 */
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final DeadlineStore store;
    private final CommandGateway commands;
    private final Clock clock;
    private final ExecutorService workers;
    private final int batchSize;

    public DeadlineSweeper(DeadlineStore store, CommandGateway commands, Clock clock, ExecutorService workers,
                           int batchSize) {
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.workers = workers;
        this.batchSize = batchSize;
    }

    /**
     * Fires every deadline due by the business clock, until none is left, and returns how many
     * instances it processed. An instance whose processing fails, or which is still due after it
     * was processed, is left for the next sweep, so one sweep never loops on it.
     */
    public int sweep() {
        Set<InstanceId> skipped = new HashSet<>();
        Set<InstanceId> done = new HashSet<>();
        int processed = 0;
        while (true) {
            Instant now = clock.instant();
            List<InstanceId> due = new ArrayList<>(store.dueBy(now, batchSize + skipped.size() + done.size()));
            for (InstanceId stillDue : due) {
                if (done.contains(stillDue) && skipped.add(stillDue)) {
                    log.warn("Instance {} is still due after its deadlines were processed; left for the next sweep",
                            stillDue);
                }
            }
            due.removeAll(skipped);
            if (due.isEmpty()) {
                return processed;
            }
            List<CompletableFuture<Boolean>> results = new ArrayList<>(due.size());
            for (InstanceId instance : due) {
                results.add(CompletableFuture.supplyAsync(() -> process(instance), workers));
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
        return store.earliestBy(horizon);
    }

    private boolean process(InstanceId instance) {
        try {
            commands.sendAndWait(new ProcessDueDeadlines(instance));
            return true;
        } catch (RuntimeException e) {
            log.warn("Deadline of instance {} not processed this time; it stays due: {}", instance, e.toString());
            return false;
        }
    }
}
