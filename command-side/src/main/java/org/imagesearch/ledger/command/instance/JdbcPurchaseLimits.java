package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;

/**
 * The purchase rules as rows under unique keys: {@code trial_claim(customer_id)} and
 * {@code purchase_claim(customer_id, billing_month)}. The insert runs in the command's transaction,
 * so the key decides a race and a refused or failed command leaves no row.
 */
public class JdbcPurchaseLimits implements PurchaseLimits {

    private final JdbcTemplate jdbc;

    public JdbcPurchaseLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void check(CustomerId customer, YearMonth month, boolean trial) {
        if (trial && exists("SELECT COUNT(*) FROM trial_claim WHERE customer_id = ?", customer.value())) {
            throw trialUsed(customer);
        }
        if (exists("SELECT COUNT(*) FROM purchase_claim WHERE customer_id = ? AND billing_month = ?",
                customer.value(), month.toString())) {
            throw monthUsed(customer, month);
        }
    }

    @Override
    public void claim(CustomerId customer, YearMonth month, boolean trial, InstanceId instance) {
        if (trial) {
            try {
                jdbc.update("INSERT INTO trial_claim (customer_id, instance_id) VALUES (?, ?)",
                        customer.value(), instance.value());
            } catch (DuplicateKeyException e) {
                throw trialUsed(customer);
            }
        }
        try {
            jdbc.update("INSERT INTO purchase_claim (customer_id, billing_month, instance_id) VALUES (?, ?, ?)",
                    customer.value(), month.toString(), instance.value());
        } catch (DuplicateKeyException e) {
            throw monthUsed(customer, month);
        }
    }

    private boolean exists(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count != null && count > 0;
    }

    private static LedgerRejection trialUsed(CustomerId customer) {
        return new LedgerRejection(RejectionCode.TRIAL_ALREADY_USED,
                "Customer " + customer + " has already used its free trial");
    }

    private static LedgerRejection monthUsed(CustomerId customer, YearMonth month) {
        return new LedgerRejection(RejectionCode.MONTHLY_PURCHASE_LIMIT,
                "Customer " + customer + " has already purchased a package in " + month);
    }
}
