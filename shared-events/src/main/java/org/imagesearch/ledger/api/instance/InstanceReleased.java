package org.imagesearch.ledger.api.instance;

import org.axonframework.serialization.Revision;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.time.Instant;

/** The instance was released at {@code releasedAt}. Released is final. */
@Revision("1")
public record InstanceReleased(InstanceId instanceId, CustomerId customerId, Instant releasedAt,
                               ReleaseReason reason) implements InstanceEvent {

    @Override
    public Instant occurredAt() {
        return releasedAt;
    }
}
