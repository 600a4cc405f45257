package org.imagesearch.ledger.api.query;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackageChanged;

import java.time.Instant;
import java.util.List;

/** The package changes of one instance, in order. */
public record Prorations(List<Row> items) {

    /** One package change: its inputs ({@code terms}, {@code rounding}) beside its result ({@code amount}). */
    public record Row(long position, InstanceId instanceId, CustomerId customerId, Instant changedAt,
                      ResourcePackage from, ResourcePackage to, ChangeDirection direction,
                      List<TermProration> terms, String rounding, Money amount) {

        /** This row at the given global position. */
        public Row at(long globalPosition) {
            return new Row(globalPosition, instanceId, customerId, changedAt, from, to, direction, terms, rounding,
                    amount);
        }

        public static Row of(PackageChanged changed, long position) {
            return new Row(position, changed.instanceId(), changed.customerId(), changed.changedAt(), changed.from(),
                    changed.to(), changed.direction(), changed.prorations(), changed.rounding(), changed.amount());
        }
    }
}
