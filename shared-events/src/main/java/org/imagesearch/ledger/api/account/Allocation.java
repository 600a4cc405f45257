package org.imagesearch.ledger.api.account;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.instance.InstanceId;

/**
 * Part of a payment or credit that settled part (or all) of one receivable; {@code remainingAfter} is
 * what the receivable still owed after it.
 */
public record Allocation(String receivableId, InstanceId instanceId, Money amount, Money remainingAfter) {

    /** Whether this part paid the receivable off. */
    public boolean settlesIt() {
        return remainingAfter.signum() == 0;
    }
}
