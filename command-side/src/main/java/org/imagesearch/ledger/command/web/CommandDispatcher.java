package org.imagesearch.ledger.command.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.idempotency.IdempotencyInterceptor;
import org.imagesearch.ledger.command.idempotency.IdempotencyKey;
import org.imagesearch.ledger.command.idempotency.IdempotentRequests;
import org.imagesearch.ledger.command.store.RecordedEvents;
import org.springframework.dao.DataIntegrityViolationException;
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
    private final IdempotentRequests idempotentRequests;
    private final int maxAttempts;
    private final AtomicLong retries = new AtomicLong();

    public CommandDispatcher(CommandGateway gateway, RecordedEvents recordedEvents, RecordedSequence recordedSequence,
                             IdempotentRequests idempotentRequests, int maxAttempts) {
        this.gateway = gateway;
        this.recordedEvents = recordedEvents;
        this.recordedSequence = recordedSequence;
        this.idempotentRequests = idempotentRequests;
        this.maxAttempts = maxAttempts;
    }

    /** The result of a command, and the global position a reader can wait for to see its effect. */
    public record Sent<R>(R result, long position) {
    }

    public <R> Sent<R> send(Object command, String aggregateIdentifier) {
        return send(command, aggregateIdentifier, null);
    }

    /**
     * Sends a command once per idempotency key: a key seen before (within its window) answers what
     * the first request did, without sending anything; the same key with another request is
     * refused with {@code IDEMPOTENCY_KEY_REUSED}.
     */
    public <R> Sent<R> send(Object command, String aggregateIdentifier, IdempotencyKey key) {
        if (key != null) {
            Optional<IdempotentRequests.Outcome> earlier = idempotentRequests.find(key);
            if (earlier.isPresent()) {
                return answerAgain(earlier.get(), key, aggregateIdentifier);
            }
        }
        recordedSequence.begin();
        R result;
        try {
            result = sendWithRetry(key == null ? command
                    : GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(IdempotencyInterceptor.metadataOf(key, aggregateIdentifier)));
        } catch (LedgerRejection refusal) {
            if (key != null && refusal.code() != RejectionCode.CONCURRENT_MODIFICATION) {
                idempotentRequests.refused(key, refusal);
            }
            throw refusal;
        } catch (DataIntegrityViolationException twin) {
            if (key == null) {
                throw twin;
            }
            return answerAgain(idempotentRequests.find(key).orElseThrow(() -> twin), key, aggregateIdentifier);
        }
        return new Sent<>(result, positionOf(aggregateIdentifier, recordedSequence.lastOf(aggregateIdentifier)));
    }

    @SuppressWarnings("unchecked")
    private <R> Sent<R> answerAgain(IdempotentRequests.Outcome earlier, IdempotencyKey key, String aggregateIdentifier) {
        if (!earlier.requestHash().equals(key.requestHash())) {
            throw new LedgerRejection(RejectionCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key.key()
                    + " was already used with another request");
        }
        if (earlier instanceof IdempotentRequests.Refused refused) {
            throw refused.rejection();
        }
        IdempotentRequests.Recorded recorded = (IdempotentRequests.Recorded) earlier;
        String aggregate = recorded.aggregateId() != null ? recorded.aggregateId() : aggregateIdentifier;
        return new Sent<>((R) recorded.result(), positionOf(aggregate, Optional.ofNullable(recorded.lastSequence())));
    }

    private long positionOf(String aggregateIdentifier, Optional<Long> sequence) {
        return (sequence.isPresent()
                ? recordedEvents.positionOf(aggregateIdentifier, sequence.get())
                : recordedEvents.lastPositionOf(aggregateIdentifier)).orElse(0L);
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
