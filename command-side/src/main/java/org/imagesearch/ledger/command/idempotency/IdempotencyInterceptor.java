package org.imagesearch.ledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.imagesearch.ledger.command.store.RecordedSequence;

import java.util.Map;

/**
 * Records what a command sent with an idempotency key did, in the command's own transaction, after
 * its events are stored: the key is remembered exactly when the command took effect. A concurrent
 * twin with the same key then fails on the record's unique key and rolls back whole.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String CALLER = "idempotencyCaller";
    static final String KEY = "idempotencyKey";
    static final String HASH = "idempotencyRequestHash";
    static final String AGGREGATE = "idempotencyAggregate";

    private final IdempotentRequests requests;
    private final RecordedSequence recordedSequence;

    public IdempotencyInterceptor(IdempotentRequests requests, RecordedSequence recordedSequence) {
        this.requests = requests;
        this.recordedSequence = recordedSequence;
    }

    /** The metadata that carries a key with a command. */
    public static Map<String, Object> metadataOf(IdempotencyKey key, String aggregateId) {
        return Map.of(CALLER, key.caller(), KEY, key.key(), HASH, key.requestHash(), AGGREGATE, aggregateId);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        if (!metadata.containsKey(KEY)) {
            return chain.proceed();
        }
        IdempotencyKey key = new IdempotencyKey((String) metadata.get(CALLER), (String) metadata.get(KEY),
                (String) metadata.get(HASH));
        String aggregateId = (String) metadata.get(AGGREGATE);
        Object result = chain.proceed();
        unitOfWork.onPrepareCommit(committing -> requests.recorded(key, aggregateId,
                recordedSequence.lastOf(aggregateId).orElse(null), result));
        return result;
    }
}
