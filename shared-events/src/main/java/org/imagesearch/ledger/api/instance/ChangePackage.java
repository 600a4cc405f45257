package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.imagesearch.ledger.api.catalog.PackageSize;

import java.util.Objects;

/** Change the package of an active instance now, up or down, paying or crediting the prorated difference. */
public record ChangePackage(@TargetAggregateIdentifier InstanceId instanceId, PackageSize size) {

    public ChangePackage {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(size, "size");
    }
}
