package org.imagesearch.ledger.api;

import org.imagesearch.ledger.api.error.LedgerRejection;

import java.util.regex.Pattern;

/**
 * The one format of every id in the ledger: 1–64 characters of {@code [A-Za-z0-9._-]}. The path
 * segments {@code .} and {@code ..} are refused too, since ids travel in URL paths.
 */
public final class IdFormat {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private IdFormat() {
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    public static String require(String value, String field) {
        if (!isValid(value)) {
            throw LedgerRejection.validation(field + " must be 1-64 characters of [A-Za-z0-9._-]");
        }
        return value;
    }
}
