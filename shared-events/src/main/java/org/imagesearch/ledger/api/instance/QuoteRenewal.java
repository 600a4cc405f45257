package org.imagesearch.ledger.api.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Ask what {@code renewal} would charge now, without changing anything. */
public record QuoteRenewal(RenewPackage renewal) {

    public QuoteRenewal {
        Objects.requireNonNull(renewal, "renewal");
    }

    @TargetAggregateIdentifier
    public InstanceId instanceId() {
        return renewal.instanceId();
    }
}
