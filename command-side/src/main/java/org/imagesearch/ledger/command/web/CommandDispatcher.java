package org.imagesearch.ledger.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.store.RecordedEvents;
import org.imagesearch.ledger.command.store.RecordedSequence;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a command and waits for its result. An optimistic conflict (another node appended to the
 * same instance first) is retried a bounded number of times, since the retry decides again on the
 * fresh state; after that the caller gets {@code CONCURRENT_MODIFICATION}.
 */
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final RecordedEvents recordedEvents;
    private final RecordedSequence recordedSequence;
    private final int maxAttempts;
    private final AtomicLong retries = new AtomicLong();

    public CommandDispatcher(CommandGateway gateway, RecordedEvents recordedEvents, RecordedSequence recordedSequence,
                             int maxAttempts) {
        this.gateway = gateway;
        this.recordedEvents = recordedEvents;
        this.recordedSequence = recordedSequence;
        this.maxAttempts = maxAttempts;
    }

    /** The result of a command, and the global position a reader can wait for to see its effect. */
    public record Sent<R>(R result, long position) {
    }

    public <R> Sent<R> send(Object command, String aggregateIdentifier) {
        recordedSequence.begin();
        R result = sendWithRetry(command);
        Optional<Long> sequence = recordedSequence.lastOf(aggregateIdentifier);
        long position = (sequence.isPresent()
                ? recordedEvents.positionOf(aggregateIdentifier, sequence.get())
                : recordedEvents.lastPositionOf(aggregateIdentifier)).orElse(0L);
        return new Sent<>(result, position);
    }

    /** How many times a command has been sent again after colliding with a concurrent change. */
    public long retries() {
        return retries.get();
    }

    /** For quotes: no position, since nothing is recorded. */
    public <R> R ask(Object query) {
        return sendWithRetry(query);
    }

    private <R> R sendWithRetry(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException e) {
                if (attempt >= maxAttempts) {
                    throw new LedgerRejection(RejectionCode.CONCURRENT_MODIFICATION,
                            "The instance kept changing concurrently; try again");
                }
                retries.incrementAndGet();
            }
        }
    }
}
