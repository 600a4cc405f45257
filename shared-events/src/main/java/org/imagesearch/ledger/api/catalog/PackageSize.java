package org.imagesearch.ledger.api.catalog;

import org.imagesearch.ledger.api.error.LedgerRejection;

/**
 * What a package is sized by: the maximum number of images and the QPS quota shared by add and
 * search calls. Images and QPS are never sold apart, so this pair names a package.
 */
public record PackageSize(long images, int qps) {

    public PackageSize {
        if (images <= 0) {
            throw LedgerRejection.validation("images must be a positive whole number");
        }
        if (qps <= 0) {
            throw LedgerRejection.validation("qps must be a positive whole number");
        }
    }

    @Override
    public String toString() {
        return images + " images / " + qps + " QPS";
    }
}
