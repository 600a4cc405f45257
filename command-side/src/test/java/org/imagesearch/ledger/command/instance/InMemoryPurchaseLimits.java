package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.instance.InstanceId;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

/** The purchase rules for aggregate tests, which run without a database. */
final class InMemoryPurchaseLimits implements PurchaseLimits {

    private final Set<CustomerId> trials = new HashSet<>();
    private final Set<String> months = new HashSet<>();

    @Override
    public void check(CustomerId customer, YearMonth month, boolean trial) {
        if (trial && trials.contains(customer)) {
            throw new LedgerRejection(RejectionCode.TRIAL_ALREADY_USED, "trial used");
        }
        if (months.contains(customer + "/" + month)) {
            throw new LedgerRejection(RejectionCode.MONTHLY_PURCHASE_LIMIT, "month used");
        }
    }

    @Override
    public void claim(CustomerId customer, YearMonth month, boolean trial, InstanceId instance) {
        check(customer, month, trial);
        if (trial) {
            trials.add(customer);
        }
        months.add(customer + "/" + month);
    }
}
