package org.imagesearch.ledger.api.instance;

import java.time.Instant;

/** What a quota exhaustion answers: the state after it and when the instance will be released. */
public record ExhaustionReceipt(InstanceId instanceId, InstanceState state, Instant releaseAt) {
}
