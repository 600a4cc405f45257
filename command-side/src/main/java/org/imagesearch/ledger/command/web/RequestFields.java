package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.quote.QuoteId;

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

    /** A catalog size ({@code images} and {@code qps}) or a custom quote ({@code quoteId}), not both. */
    static PackageRef requiredPackage(Long images, Integer qps, String quoteId) {
        if (quoteId == null) {
            return PackageRef.of(requiredSize(images, qps));
        }
        if (images != null || qps != null) {
            throw LedgerRejection.validation("give either images and qps, or a quoteId, not both");
        }
        return PackageRef.of(new QuoteId(quoteId));
    }

    /** Like {@link #requiredPackage}, or nothing at all. */
    static PackageRef optionalPackage(Long images, Integer qps, String quoteId) {
        if (images == null && qps == null && quoteId == null) {
            return null;
        }
        return requiredPackage(images, qps, quoteId);
    }

    static String maxLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw LedgerRejection.validation(field + " is at most " + max + " characters");
        }
        return value;
    }
}
