package org.imagesearch.ledger.api.billing;

import org.imagesearch.ledger.api.catalog.ResourcePackage;

import java.time.Instant;

/** Small fixtures of the seed's packages and terms. */
public final class Packages {

    public static final ResourcePackage TRIAL_SIZE = pkg(100_000, 1, "300.00");
    public static final ResourcePackage IMAGES_2_5M_QPS_5 = pkg(2_500_000, 5, "800.00");
    public static final ResourcePackage IMAGES_10M_QPS_10 = pkg(10_000_000, 10, "5500.00");

    private Packages() {
    }

    public static ResourcePackage pkg(long images, int qps, String monthlyPrice) {
        return new ResourcePackage(images, qps, 20, Money.usd(monthlyPrice), "catalog:test");
    }

    public static Term term(String start, String end, int months, ResourcePackage resourcePackage, String price) {
        return new Term(Instant.parse(start), Instant.parse(end), months, resourcePackage, Money.usd(price));
    }
}
