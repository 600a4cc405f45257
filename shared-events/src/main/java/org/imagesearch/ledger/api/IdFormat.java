package org.imagesearch.ledger.api;

import org.imagesearch.ledger.api.error.LedgerRejection;

/**
 * The one format of every id in the ledger: 1–64 characters of {@code [A-Za-z0-9._-]}. The path
 * segments {@code .} and {@code ..} are refused too, since ids travel in URL paths.
 */
public final class IdFormat {

    private IdFormat() {
    }

    /**
     * Whether {@code value} is an id: {@code [A-Za-z0-9._-]{1,64}}, but not {@code .} or {@code ..}.
     * Checked character by character: every id in every event read is checked again as it is made,
     * and a regular expression's matcher was a few per cent of a rebuild of the read models.
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 64 || value.equals(".") || value.equals("..")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static String require(String value, String field) {
        if (!isValid(value)) {
            throw LedgerRejection.validation(field + " must be 1-64 characters of [A-Za-z0-9._-]");
        }
        return value;
    }
}
