package org.imagesearch.ledger.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.api.instance.ExhaustQuota;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Optimistic conflicts are retried a bounded number of times, then answered CONCURRENT_MODIFICATION. */
class CommandDispatcherTest {

    private final AtomicInteger attempts = new AtomicInteger();

    private CommandDispatcher dispatcherWhoseCommandsCollide(int times, int maxAttempts) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ExhaustQuota.class.getName(), (CommandMessage<?> message) -> {
            if (attempts.incrementAndGet() <= times) {
                throw new ConcurrencyException("another node appended first");
            }
            return "done";
        });
        return new CommandDispatcher(DefaultCommandGateway.builder().commandBus(bus).build(), null, null, null, maxAttempts);
    }

    @Test
    void aCollidingCommandIsSentAgainAndSucceeds() {
        CommandDispatcher dispatcher = dispatcherWhoseCommandsCollide(2, 5);

        String result = dispatcher.ask(new ExhaustQuota(new InstanceId("i-1"), null));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(dispatcher.retries()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheCallerIsToldConcurrentModification() {
        CommandDispatcher dispatcher = dispatcherWhoseCommandsCollide(Integer.MAX_VALUE, 5);

        LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class,
                () -> dispatcher.ask(new ExhaustQuota(new InstanceId("i-1"), null)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.CONCURRENT_MODIFICATION);
        assertThat(attempts).as("bounded").hasValue(5);
    }
}
