package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;

/**
 * Every event of one instance, or of every instance of one customer, in the order they were
 * recorded. Exactly one of the two ids is set. Answers {@link AuditTrail}.
 */
public record FindAuditTrail(InstanceId instanceId, CustomerId customerId) {

    public FindAuditTrail {
        if ((instanceId == null) == (customerId == null)) {
            throw new IllegalArgumentException("Ask for the trail of one instance or of one customer");
        }
    }

    public static FindAuditTrail ofInstance(InstanceId instanceId) {
        return new FindAuditTrail(instanceId, null);
    }

    public static FindAuditTrail ofCustomer(CustomerId customerId) {
        return new FindAuditTrail(null, customerId);
    }
}
