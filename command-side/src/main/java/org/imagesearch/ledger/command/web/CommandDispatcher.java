package org.imagesearch.ledger.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.store.RecordedEvents;

/**
 * Sends a command and waits for its result. An optimistic conflict (another node appended to the
 * same instance first) is retried a bounded number of times, since the retry decides again on the
 * fresh state; after that the caller gets {@code CONCURRENT_MODIFICATION}.
 */
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final RecordedEvents recordedEvents;
    private final int maxAttempts;

    public CommandDispatcher(CommandGateway gateway, RecordedEvents recordedEvents, int maxAttempts) {
        this.gateway = gateway;
        this.recordedEvents = recordedEvents;
        this.maxAttempts = maxAttempts;
    }

    /** The result of a command, and the global position a reader can wait for to see its effect. */
    public record Sent<R>(R result, long position) {
    }

    public <R> Sent<R> send(Object command, String aggregateIdentifier) {
        R result = sendWithRetry(command);
        long position = recordedEvents.lastPositionOf(aggregateIdentifier).orElse(0L);
        return new Sent<>(result, position);
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
            }
        }
    }
}
