package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.error.LedgerRejection;

import java.util.Objects;
import java.util.Optional;

/**
 * Buy {@code months} (1–36) more months, optionally of another package. {@code resourcePackage} is
 * null to keep the package of the last term.
 */
public record RenewPackage(@TargetAggregateIdentifier InstanceId instanceId, int months,
                           PackageRef resourcePackage) {

    public static final int MAX_MONTHS = 36;

    public RenewPackage {
        Objects.requireNonNull(instanceId, "instanceId");
        requireMonths(months);
    }

    public static void requireMonths(int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw LedgerRejection.validation("months must be a whole number from 1 to " + MAX_MONTHS);
        }
    }

    public Optional<PackageRef> newPackage() {
        return Optional.ofNullable(resourcePackage);
    }
}
