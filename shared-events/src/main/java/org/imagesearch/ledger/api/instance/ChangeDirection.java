package org.imagesearch.ledger.api.instance;

import org.imagesearch.ledger.api.billing.Money;

/** The direction of a package change follows the sign of its amount: ≥ 0 is an upgrade, < 0 a downgrade. */
public enum ChangeDirection {
    UPGRADE, DOWNGRADE;

    public static ChangeDirection of(Money amount) {
        return amount.isNegative() ? DOWNGRADE : UPGRADE;
    }
}
