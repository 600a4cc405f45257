package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.util.Objects;

/**
 * Buy one month of a package, from the catalog or a custom quote; creates the instance. A trial is
 * the smallest catalog package at 0.00.
 */
public record PurchasePackage(@TargetAggregateIdentifier InstanceId instanceId, CustomerId customerId,
                              PackageRef resourcePackage, boolean trial) {

    public PurchasePackage {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(resourcePackage, "resourcePackage");
    }
}
