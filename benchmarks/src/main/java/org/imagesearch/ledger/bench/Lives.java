package org.imagesearch.ledger.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PurchasePackage;
import org.imagesearch.ledger.api.instance.RenewPackage;

/** The package lives the workloads drive: each instance has its own customer, so no purchase limit applies. */
final class Lives {

    static final PackageRef SMALL = PackageRef.of(new PackageSize(2_500_000, 5));
    static final PackageRef LARGE = PackageRef.of(new PackageSize(5_000_000, 10));
    static final PackageRef MEDIUM = PackageRef.of(new PackageSize(2_500_000, 10));

    private Lives() {
    }

    static InstanceId instance(String run, int index) {
        return new InstanceId(run + "-i-" + number(index));
    }

    static CustomerId customer(String run, int index) {
        return new CustomerId(run + "-c-" + number(index));
    }

    /**
     * {@code index} as seven digits, zero-padded (what {@code %07d} gives), without {@code String.format},
     * which cost the load threads about 7% of their time: the harness should not eat the CPU it measures.
     */
    static String number(int index) {
        String digits = Integer.toString(index);
        return digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
    }

    static void purchase(CommandGateway commands, String run, int index) {
        commands.sendAndWait(new PurchasePackage(instance(run, index), customer(run, index), SMALL, false));
    }

    /** A purchase, an upgrade, a downgrade and a renewal of one instance, each step timed. */
    static void wholeLife(CommandGateway commands, String run, int index, Load.Timer timer) throws Exception {
        InstanceId instance = instance(run, index);
        timer.time(() -> commands.sendAndWait(new PurchasePackage(instance, customer(run, index), SMALL, false)));
        timer.time(() -> commands.sendAndWait(new ChangePackage(instance, LARGE)));
        timer.time(() -> commands.sendAndWait(new ChangePackage(instance, MEDIUM)));
        timer.time(() -> commands.sendAndWait(new RenewPackage(instance, 1, null)));
    }
}
