package org.imagesearch.ledger.command.deadline;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.ProcessDueDeadlines;
import org.imagesearch.ledger.command.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep sends each due instance once, leaves failures for later, and never loops on one instance. */
class DeadlineSweeperTest {

    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    private DriverManagerDataSource dataSource;
    private DeadlineStore store;
    private final List<InstanceId> sent = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @BeforeEach
    void database() {
        dataSource = DeadlineDatabase.create();
        store = new DeadlineStore(new JdbcTemplate(dataSource));
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private DeadlineSweeper sweeperWhoseInstances(Consumer<InstanceId> handle) {
        return sweeperWhoseInstances(handle, NoTransactionManager.INSTANCE, 2, 1);
    }

    private DeadlineSweeper sweeperWhoseInstances(Consumer<InstanceId> handle, TransactionManager transactions,
                                                  int batchSize, int perTransaction) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ProcessDueDeadlines.class.getName(), (CommandMessage<?> message) -> {
            InstanceId instance = ((ProcessDueDeadlines) message.getPayload()).instanceId();
            sent.add(instance);
            handle.accept(instance);
            return null;
        });
        return new DeadlineSweeper(List.of(store), DefaultCommandGateway.builder().commandBus(bus).build(),
                transactions, new MutableClock(NOW.toString()), workers, batchSize, perTransaction);
    }

    @Test
    void everyDueInstanceIsProcessedOnceAndTheFutureOnesWait() {
        for (int i = 0; i < 5; i++) {
            store.schedule(new InstanceId("due-" + i), NOW.minusSeconds(i));
        }
        store.schedule(new InstanceId("at-now"), NOW);
        store.schedule(new InstanceId("later"), NOW.plusSeconds(1));
        DeadlineSweeper sweeper = sweeperWhoseInstances(instance -> store.clear(instance));

        int processed = sweeper.sweep();

        assertThat(processed).isEqualTo(6);
        assertThat(sent).doesNotHaveDuplicates().hasSize(6).doesNotContain(new InstanceId("later"));
        assertThat(store.dueAt(new InstanceId("later"))).contains(NOW.plusSeconds(1));
    }

    @Test
    void anInstanceStillDueAfterProcessingIsLeftForTheNextSweepInsteadOfLoopingOnIt() {
        store.schedule(new InstanceId("stuck"), NOW.minusSeconds(60));
        store.schedule(new InstanceId("fine"), NOW.minusSeconds(30));
        DeadlineSweeper sweeper = sweeperWhoseInstances(instance -> {
            if (!instance.value().equals("stuck")) {
                store.clear(instance);
            }
        });

        int processed = sweeper.sweep();

        assertThat(processed).isEqualTo(2);
        assertThat(sent).containsExactlyInAnyOrder(new InstanceId("stuck"), new InstanceId("fine"));
        assertThat(store.dueAt(new InstanceId("stuck"))).as("left due for the next sweep").isPresent();
    }

    @Test
    void aFailingInstanceIsLeftDueAndDoesNotStopTheOthers() {
        store.schedule(new InstanceId("failing"), NOW.minusSeconds(60));
        store.schedule(new InstanceId("fine"), NOW.minusSeconds(30));
        DeadlineSweeper sweeper = sweeperWhoseInstances(instance -> {
            if (instance.value().equals("failing")) {
                throw new IllegalStateException("conflict");
            }
            store.clear(instance);
        });

        int processed = sweeper.sweep();

        assertThat(processed).isEqualTo(1);
        assertThat(store.dueAt(new InstanceId("failing"))).isPresent();
        assertThat(store.dueAt(new InstanceId("fine"))).isEmpty();
        assertThat(sweeper.sweep()).as("the next sweep tries it again").isZero();
        assertThat(sent).filteredOn(i -> i.value().equals("failing")).hasSize(2);
    }

    @Test
    void twoSweepsOfOneNodeAtOnceProcessEachDueInstanceOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            store.schedule(new InstanceId("due-" + i), NOW.minusSeconds(i));
        }
        DeadlineSweeper sweeper = sweeperWhoseInstances(instance -> {
            sleep(2); // long enough for the other sweep to read the same due rows, were it let in
            store.clear(instance);
        });
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            var poller = callers.submit(sweeper::sweep);
            var movingClock = callers.submit(sweeper::sweep);

            assertThat(poller.get() + movingClock.get()).isEqualTo(40);
        } finally {
            callers.shutdownNow();
        }
        assertThat(sent).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void dueInstancesAreProcessedInGroupsOfOneTransactionEach() {
        for (int i = 0; i < 40; i++) {
            store.schedule(new InstanceId("due-" + i), NOW.minusSeconds(i));
        }
        CountingTransactions transactions = new CountingTransactions(dataSource);
        DeadlineSweeper sweeper = sweeperWhoseInstances(instance -> store.clear(instance), transactions, 500, 20);

        assertThat(sweeper.sweep()).isEqualTo(40);

        assertThat(sent).doesNotHaveDuplicates().hasSize(40);
        assertThat(transactions.started.get()).as("40 due, 20 per transaction").isEqualTo(2);
        assertThat(transactions.rolledBack.get()).isZero();
        assertThat(store.dueBy(NOW, 100)).isEmpty();
    }

    @Test
    void aGroupWithAFailureIsRolledBackWholeAndItsInstancesAreProcessedOneByOne() {
        store.schedule(new InstanceId("first"), NOW.minusSeconds(60));
        store.schedule(new InstanceId("failing"), NOW.minusSeconds(30));
        store.schedule(new InstanceId("last"), NOW.minusSeconds(10));
        List<String> stillDueWhenHandled = new CopyOnWriteArrayList<>();
        CountingTransactions transactions = new CountingTransactions(dataSource);
        DeadlineSweeper sweeper = sweeperWhoseInstances(instance -> {
            if (store.dueAt(instance).isPresent()) {
                stillDueWhenHandled.add(instance.value());
            }
            if (instance.value().equals("failing")) {
                throw new IllegalStateException("conflict");
            }
            store.clear(instance);
        }, transactions, 500, 3);

        assertThat(sweeper.sweep()).isEqualTo(2);

        assertThat(transactions.rolledBack.get()).isEqualTo(1);
        assertThat(stillDueWhenHandled).as("the group's work on 'first' was rolled back, so it was due again")
                .containsExactly("first", "failing", "first", "failing", "last");
        assertThat(store.dueAt(new InstanceId("first"))).isEmpty();
        assertThat(store.dueAt(new InstanceId("last"))).isEmpty();
        assertThat(store.dueAt(new InstanceId("failing"))).isPresent();
    }

    /** Spring's JDBC transactions, as the ledger's, counted. */
    private static final class CountingTransactions implements TransactionManager {

        private final TransactionManager delegate;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger rolledBack = new AtomicInteger();

        private CountingTransactions(DriverManagerDataSource dataSource) {
            this.delegate = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        }

        @Override
        public Transaction startTransaction() {
            started.incrementAndGet();
            Transaction transaction = delegate.startTransaction();
            return new Transaction() {
                @Override
                public void commit() {
                    transaction.commit();
                }

                @Override
                public void rollback() {
                    rolledBack.incrementAndGet();
                    transaction.rollback();
                }
            };
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
