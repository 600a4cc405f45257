package org.imagesearch.ledger.command.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
 *
 * <p>Due aggregates are processed {@code perTransaction} at a time: each command runs in its own
 * (nested) unit of work as usual, and the group's events, deadline rows and commit are one
 * transaction. A wave of 100,000 terms ending at one instant is then a few thousand commits, not
 * 100,000. If any command of a group fails, the whole group is rolled back and its commands are sent
 * again one at a time, so one failing aggregate holds back no other.
 */
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final List<DueDeadlines> tables;
    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final Clock clock;
    private final ExecutorService workers;
    private final int batchSize;
    private final int perTransaction;

    public DeadlineSweeper(List<DueDeadlines> tables, CommandGateway commands, TransactionManager transactions,
                           Clock clock, ExecutorService workers, int batchSize, int perTransaction) {
        this.tables = List.copyOf(tables);
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.workers = workers;
        this.batchSize = batchSize;
        this.perTransaction = Math.max(1, perTransaction);
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
            List<List<Object>> groups = new ArrayList<>();
            for (int from = 0; from < due.size(); from += perTransaction) {
                groups.add(due.subList(from, Math.min(due.size(), from + perTransaction)));
            }
            List<CompletableFuture<List<Boolean>>> results = groups.stream()
                    .map(group -> CompletableFuture.supplyAsync(() -> processGroup(group), workers)).toList();
            for (int g = 0; g < groups.size(); g++) {
                List<Boolean> outcomes = results.get(g).join();
                for (int i = 0; i < outcomes.size(); i++) {
                    Object command = groups.get(g).get(i);
                    if (outcomes.get(i)) {
                        processed++;
                        done.add(command);
                    } else {
                        skipped.add(command);
                    }
                }
            }
        }
    }

    /** The earliest deadline at or before {@code horizon}. */
    public Optional<Instant> earliestDeadlineBy(Instant horizon) {
        return tables.stream().map(table -> table.earliestBy(horizon)).flatMap(Optional::stream)
                .filter(Objects::nonNull).min(Instant::compareTo);
    }

    /** Whether each command of the group was processed: all in one transaction, or else one by one. */
    private List<Boolean> processGroup(List<Object> group) {
        if (group.size() > 1 && processTogether(group)) {
            return group.stream().map(command -> true).toList();
        }
        return group.stream().map(this::process).toList();
    }

    private boolean processTogether(List<Object> group) {
        UnitOfWork<?> together = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(group));
        try {
            together.attachTransaction(transactions);
            for (Object command : group) {
                commands.sendAndWait(command);
            }
            together.commit();
            return true;
        } catch (RuntimeException e) {
            if (together.phase() == UnitOfWork.Phase.STARTED) {
                together.rollback(e);
            }
            log.debug("{} due aggregates not processed together, now one by one: {}", group.size(), e.toString());
            return false;
        }
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
