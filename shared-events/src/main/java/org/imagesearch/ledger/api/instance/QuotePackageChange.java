package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Ask what {@code change} would charge or credit now, without changing anything. */
public record QuotePackageChange(ChangePackage change) {

    public QuotePackageChange {
        Objects.requireNonNull(change, "change");
    }

    @TargetAggregateIdentifier
    public InstanceId instanceId() {
        return change.instanceId();
    }
}
