package org.imagesearch.ledger.app.security;

import java.util.Locale;

/** What a caller may do. */
public enum Role {
    /** Commands, payments, quotes and reads. */
    SERVICE,
    /** Reads only, the audit trail and as-of reads included. */
    AUDITOR,
    /** Everything, and replays, the test clock and custom quotes besides. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalStateException("Unknown role '" + text + "' in ledger.api-keys (LEDGER_API_KEYS); the roles"
                + " are service, auditor and operator");
    }
}
