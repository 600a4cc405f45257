package org.imagesearch.ledger.api.error;

/**
 * The stable codes a caller sees when the ledger refuses a request. They are part of the published
 * language: other services switch on them, so a code is never renamed.
 */
public enum RejectionCode {
    /** The request is malformed: a field is missing, of the wrong type or out of range. */
    VALIDATION(Kind.BAD_INPUT),
    /** The requested (images, QPS) pair is not a package of the catalog. */
    UNKNOWN_PACKAGE(Kind.BAD_INPUT),
    /** The id names nothing the ledger knows. */
    NOT_FOUND(Kind.NOT_FOUND),
    /** The customer has had its one free trial. */
    TRIAL_ALREADY_USED(Kind.CONFLICT),
    /** The customer has already purchased a package in this calendar month of the billing zone. */
    MONTHLY_PURCHASE_LIMIT(Kind.CONFLICT),
    /** A trial cannot be renewed; upgrade it first. */
    TRIAL_NOT_RENEWABLE(Kind.CONFLICT),
    /** The instance is retained, so its package cannot change. */
    INSTANCE_NOT_ACTIVE(Kind.CONFLICT),
    /** The instance is released, which is final. */
    INSTANCE_RELEASED(Kind.CONFLICT),
    /** The new package equals the one in effect. */
    SAME_PACKAGE(Kind.CONFLICT),
    /** The test clock may not move before the latest recorded event. */
    CLOCK_BACKWARDS(Kind.CONFLICT),
    /** No custom quote has this id. */
    UNKNOWN_QUOTE(Kind.NOT_FOUND),
    /** The custom quote's validity ended. */
    QUOTE_EXPIRED(Kind.CONFLICT),
    /** The custom quote was offered to another customer. */
    QUOTE_NOT_FOR_CUSTOMER(Kind.CONFLICT),
    /** A custom quote must go beyond the catalog; within it, the catalog's prices apply. */
    QUOTE_WITHIN_CATALOG(Kind.BAD_INPUT),
    /** A payment reference came again with another payment. */
    PAYMENT_REFERENCE_REUSED(Kind.CONFLICT),
    /** Payments are switched off ({@code ledger.payments.enabled=false}): charges count as paid at checkout. */
    PAYMENTS_DISABLED(Kind.CONFLICT),
    /** Concurrent changes to one instance kept colliding after the bounded retries. */
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    /** An Idempotency-Key came again with another request than the first time. */
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE),
    /** The read models are being rebuilt from the events; as-of reads and the audit trail still answer. */
    REPLAY_IN_PROGRESS(Kind.UNAVAILABLE),
    /** The read model did not reach the requested position within the wait a read may ask for. */
    READ_MODEL_BEHIND(Kind.UNAVAILABLE);

    /** How a refusal is classified, independent of the transport. */
    public enum Kind {
        BAD_INPUT, NOT_FOUND, CONFLICT, UNPROCESSABLE, UNAVAILABLE
    }

    private final Kind kind;

    RejectionCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
