package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

/**
 * Where a package size is priced today: the catalog (and, later, a customer's custom quotes). A
 * rule asks only once the instance's state allows the command, so a released instance answers
 * {@code INSTANCE_RELEASED} before an unknown package is noticed.
 */
@FunctionalInterface
public interface Offers {

    /** Today's offer for {@code size}, or a refusal with {@code UNKNOWN_PACKAGE}. */
    ResourcePackage resolve(PackageSize size);
}
