package org.imagesearch.ledger.command.account;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;

/**
 * Payment references are unique across all customers (within one customer, the account itself
 * knows its references). A claim is made in the transaction that records the payment.
 */
public interface PaymentReferences {

    /** Claims {@code reference} for {@code customer}, or refuses with {@code PAYMENT_REFERENCE_REUSED}. */
    void claim(String reference, CustomerId customer);

    static LedgerRejection reused(String reference) {
        return new LedgerRejection(RejectionCode.PAYMENT_REFERENCE_REUSED,
                "Payment reference " + reference + " was already used for another payment");
    }
}
