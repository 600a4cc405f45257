package org.imagesearch.ledger.api.error;

import java.util.Objects;

/**
 * The ledger refused a request. A refusal is never half-applied: the unit of work it is thrown from
 * rolls back, so no event and no lookup row is left behind.
 */
public class LedgerRejection extends RuntimeException {

    private final RejectionCode code;

    public LedgerRejection(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public static LedgerRejection validation(String message) {
        return new LedgerRejection(RejectionCode.VALIDATION, message);
    }

    public static LedgerRejection notFound(String message) {
        return new LedgerRejection(RejectionCode.NOT_FOUND, message);
    }

    public RejectionCode code() {
        return code;
    }
}
