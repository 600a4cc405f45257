package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PackageRenewed;

import java.time.Instant;
import java.util.Optional;

/**
 * One movement of money on a customer's ledger: a signed amount (positive charged, negative
 * credited) for one instance at one time. {@code position} is the global position of the event it
 * comes from, which orders the ledger.
 */
public record LedgerEntry(long position, CustomerId customerId, InstanceId instanceId, Kind kind, Money amount,
                          Instant at) {

    /** The position of an entry not yet matched with its event's place in the store. */
    public static final long UNKNOWN_POSITION = -1;

    public enum Kind {
        PURCHASE, TRIAL, UPGRADE, DOWNGRADE, RENEWAL
    }

    /** The entry an event makes, if it moves money: the one mapping used live and as of a past instant. */
    public static Optional<LedgerEntry> of(Object event, long position) {
        if (event instanceof PackagePurchased purchased) {
            return Optional.of(new LedgerEntry(position, purchased.customerId(), purchased.instanceId(),
                    purchased.trial() ? Kind.TRIAL : Kind.PURCHASE, purchased.charged(), purchased.purchasedAt()));
        }
        if (event instanceof PackageChanged changed) {
            return Optional.of(new LedgerEntry(position, changed.customerId(), changed.instanceId(),
                    Kind.valueOf(changed.direction().name()), changed.amount(), changed.changedAt()));
        }
        if (event instanceof PackageRenewed renewed) {
            return Optional.of(new LedgerEntry(position, renewed.customerId(), renewed.instanceId(), Kind.RENEWAL,
                    renewed.charged(), renewed.renewedAt()));
        }
        return Optional.empty();
    }
}
