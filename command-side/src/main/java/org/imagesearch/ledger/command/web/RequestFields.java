package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.error.LedgerRejection;

/** Checks of request fields that JSON binding alone cannot make. */
final class RequestFields {

    private RequestFields() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw LedgerRejection.validation(field + " is required");
        }
        return value;
    }

    static PackageSize requiredSize(Long images, Integer qps) {
        return new PackageSize(required(images, "images"), required(qps, "qps"));
    }

    /** Both images and qps, or neither. */
    static PackageSize optionalSize(Long images, Integer qps) {
        if (images == null && qps == null) {
            return null;
        }
        return requiredSize(images, qps);
    }

    static String maxLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw LedgerRejection.validation(field + " is at most " + max + " characters");
        }
        return value;
    }
}
