package org.imagesearch.ledger.command.account;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code payment_reference(reference)}: the insert runs in the transaction that records the payment,
 * so the key decides a race and a refused payment leaves no row.
 */
public class JdbcPaymentReferences implements PaymentReferences {

    private final JdbcTemplate jdbc;

    public JdbcPaymentReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String reference, CustomerId customer) {
        try {
            jdbc.update("INSERT INTO payment_reference (reference, customer_id) VALUES (?, ?)", reference,
                    customer.value());
        } catch (DuplicateKeyException e) {
            throw PaymentReferences.reused(reference);
        }
    }
}
