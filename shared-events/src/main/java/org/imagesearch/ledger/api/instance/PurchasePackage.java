package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.customer.CustomerId;

import java.util.Objects;

/** Buy one month of a package; creates the instance. A trial is the smallest package at 0.00. */
public record PurchasePackage(@TargetAggregateIdentifier InstanceId instanceId, CustomerId customerId,
                              PackageSize size, boolean trial) {

    public PurchasePackage {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(size, "size");
    }
}
