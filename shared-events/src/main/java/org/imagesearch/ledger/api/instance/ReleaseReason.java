package org.imagesearch.ledger.api.instance;

/** Why an instance was released. */
public enum ReleaseReason {
    /** Fifteen days of retention after its quota ran out passed without a renewal. */
    RETENTION_ENDED,
    /** A charge for it stayed unpaid past its due date and the grace after it. */
    PAYMENT_OVERDUE
}
