package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.account.AccountSnapshot;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceState;

import java.time.Instant;
import java.util.List;

/**
 * What a customer was charged and credited, entry by entry, with the totals and the remaining
 * billing balance of each of its instances at {@code at}.
 */
public record CustomerLedger(CustomerId customerId, List<LedgerEntry> entries, Totals totals,
                             List<InstanceBalance> instances, Instant at) {

    /**
     * {@code charged}: the sum of the positive entries; {@code credited}: of the negative ones, as a
     * positive amount; {@code net}: the difference. {@code paid}, {@code outstanding} and
     * {@code creditBalance} come from the account when payments are on; without an account, charges
     * count as paid at checkout and credits are held as credit.
     */
    public record Totals(Money charged, Money credited, Money net, Money paid, Money outstanding,
                         Money creditBalance) {

        public static Totals of(List<LedgerEntry> entries, AccountSnapshot account) {
            Money charged = Money.ZERO;
            Money credited = Money.ZERO;
            for (LedgerEntry entry : entries) {
                if (entry.amount().isNegative()) {
                    credited = credited.minus(entry.amount());
                } else {
                    charged = charged.plus(entry.amount());
                }
            }
            if (account == null) {
                return new Totals(charged, credited, charged.minus(credited), charged, Money.ZERO, credited);
            }
            return new Totals(charged, credited, charged.minus(credited), account.paid(), account.outstanding(),
                    account.credit());
        }
    }

    public record InstanceBalance(InstanceId instanceId, InstanceState state, Money balance) {
    }
}
