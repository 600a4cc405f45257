package org.imagesearch.ledger.command.store;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.RecordPayment;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.ExhaustQuota;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.ProcessDueDeadlines;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's command target resolver names the same aggregate as Axon's annotation resolver. */
class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record WithoutTarget(String name) {
    }

    static final class ClassWithTargetField {
        @org.axonframework.modelling.command.TargetAggregateIdentifier
        private final String id;

        ClassWithTargetField(String id) {
            this.id = id;
        }
    }

    @Test
    void everyKindOfCommandResolvesToTheSameAggregateAsAxonsResolver() {
        InstanceId instance = InstanceId.random();
        List<Object> commands = List.of(
                new ChangePackage(instance, PackageRef.of(new PackageSize(10_000_000, 10))),
                new ProcessDueDeadlines(instance),
                new ExhaustQuota(instance, ExhaustQuota.DEFAULT_REASON),
                new RecordPayment(new AccountId(new CustomerId("acme")), "wire-1", Money.usd("10.00")),
                new ClassWithTargetField("plain-" + instance));
        for (Object command : commands) {
            var message = GenericCommandMessage.asCommandMessage(command);
            VersionedAggregateIdentifier ours = targets.resolveTarget(message);
            VersionedAggregateIdentifier expected = axons.resolveTarget(message);
            assertThat(ours.getIdentifier()).as(command.getClass().getSimpleName()).isEqualTo(expected.getIdentifier());
            assertThat(ours.getIdentifierValue()).isEqualTo(expected.getIdentifierValue());
            assertThat(ours.getVersion()).isNull();
        }
    }

    @Test
    void aCommandThatNamesNoAggregateIsRefused() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new WithoutTarget("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WithoutTarget");
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ClassWithTargetField(null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not identify");
    }
}
