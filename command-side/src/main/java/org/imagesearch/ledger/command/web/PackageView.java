package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

/** A package as the HTTP API shows it. */
public record PackageView(long images, int qps, int deleteQps, Money monthlyPrice, String offer) {

    public static PackageView of(ResourcePackage resourcePackage) {
        return new PackageView(resourcePackage.images(), resourcePackage.qps(), resourcePackage.deleteQps(),
                resourcePackage.monthlyPrice(), resourcePackage.offer());
    }
}
