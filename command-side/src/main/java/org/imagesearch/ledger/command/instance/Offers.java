package org.imagesearch.ledger.command.instance;

import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.ResourcePackage;

/**
 * What a customer can buy now: a catalog package, or one of its valid custom quotes. A rule asks only
 * once the instance's state allows the command, so a released instance answers
 * {@code INSTANCE_RELEASED} before an unknown package or an expired quote is noticed.
 */
@FunctionalInterface
public interface Offers {

    /** Today's offer for {@code ref}, or a refusal ({@code UNKNOWN_PACKAGE}, {@code QUOTE_EXPIRED}, ...). */
    ResourcePackage resolve(PackageRef ref);
}
