package org.imagesearch.ledger.api.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.InstanceState;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.time.Instant;

/**
 * What the image-search gateway asks of an instance: its state, the package in effect with its
 * quotas, its paid period, when it will be released, and the value of its remaining prepaid time,
 * all at {@code at}.
 */
public record InstanceView(InstanceId instanceId, CustomerId customerId, InstanceState state, boolean trial,
                           @JsonProperty("package") Entitlement resourcePackage, Instant periodStart,
                           Instant periodEnd, Instant releaseAt, Money balance, Instant at) {

    /** The quotas in effect: max images, the QPS shared by add and search, and the delete QPS. */
    public record Entitlement(long images, int qps, int deleteQps) {

        public static Entitlement of(ResourcePackage resourcePackage) {
            return new Entitlement(resourcePackage.images(), resourcePackage.qps(), resourcePackage.deleteQps());
        }
    }

    /** The view of {@code snapshot} at {@code at}: the package then in effect, and the balance left then. */
    public static InstanceView of(InstanceSnapshot snapshot, Instant at) {
        return new InstanceView(snapshot.instanceId(), snapshot.customerId(), snapshot.state(), snapshot.trial(),
                Entitlement.of(snapshot.packageAt(at)), snapshot.periodStart(), snapshot.periodEnd(),
                snapshot.releaseAt(), snapshot.billingBalance(at), at);
    }
}
