package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.catalog.PackageRef;

import java.util.Objects;

/** Change the package of an active instance now, up or down, paying or crediting the prorated difference. */
public record ChangePackage(@TargetAggregateIdentifier InstanceId instanceId, PackageRef resourcePackage) {

    public ChangePackage {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(resourcePackage, "resourcePackage");
    }
}
