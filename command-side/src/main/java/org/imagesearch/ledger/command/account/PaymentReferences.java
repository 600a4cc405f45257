package org.imagesearch.ledger.command.account;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payment references are unique across all customers: {@code payment_reference(reference)}, claimed
 * in the transaction that records the payment, so the key decides a race and a refused payment
 * leaves no row. (Within one customer, the account itself knows its references.)
 */
public class PaymentReferences {

    private final JdbcTemplate jdbc;

    public PaymentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void claim(String reference, CustomerId customer) {
        try {
            jdbc.update("INSERT INTO payment_reference (reference, customer_id) VALUES (?, ?)", reference,
                    customer.value());
        } catch (DuplicateKeyException e) {
            throw reused(reference);
        }
    }

    static LedgerRejection reused(String reference) {
        return new LedgerRejection(RejectionCode.PAYMENT_REFERENCE_REUSED,
                "Payment reference " + reference + " was already used for another payment");
    }
}
