package org.imagesearch.ledger.query.instance;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.InstanceState;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.query.ReadModelDatabase;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** How the projection finds an instance's snapshot: staged in the batch, stored, and for a batch in one query. */
class InstanceViewRepositoryTest {

    private static final Instant JUNE_1 = Instant.parse("2026-06-01T00:00:00Z");
    private static final ResourcePackage SMALL = new ResourcePackage(2_500_000, 5, 5, Money.usd("800.00"), "catalog:");

    private final AtomicInteger statements = new AtomicInteger();
    private InstanceViewRepository views;

    @BeforeEach
    void aViewCountingItsStatements() {
        JdbcTemplate plain = ReadModelDatabase.create();
        JdbcTemplate counted = new JdbcTemplate(new DelegatingDataSource(Objects.requireNonNull(plain.getDataSource())) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        });
        views = new InstanceViewRepository(counted, new PendingWrites(counted));
    }

    private static InstanceSnapshot purchased(String instance) {
        Term term = new Term(JUNE_1, Instant.parse("2026-07-01T00:00:00Z"), 1, SMALL, SMALL.monthlyPrice());
        return InstanceSnapshot.of(new PackagePurchased(new InstanceId(instance), new CustomerId("customer-1"), SMALL,
                false, term, SMALL.monthlyPrice(), JUNE_1));
    }

    private static DomainEventMessage<?> eventOf(String instance) {
        return new GenericDomainEventMessage<>("Instance", instance, 1, "an event of " + instance);
    }

    @Test
    void aBatchReadsTheStoredSnapshotsOfAllItsInstancesInOneQuery() {
        views.add(purchased("instance-a"));
        views.add(purchased("instance-b"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                List.of(eventOf("instance-a"), eventOf("instance-b"), eventOf("instance-new")));
        batch.start();
        statements.set(0);
        try {
            Optional<InstanceSnapshot> a = views.find(new InstanceId("instance-a"));
            Optional<InstanceSnapshot> b = views.find(new InstanceId("instance-b"));
            Optional<InstanceSnapshot> unknown = views.find(new InstanceId("instance-new"));

            assertThat(a).contains(purchased("instance-a"));
            assertThat(b).contains(purchased("instance-b"));
            assertThat(unknown).isEmpty();
            assertThat(statements).as("statements for three instances of one batch").hasValue(1);

            assertThat(views.find(new InstanceId("instance-b"))).contains(purchased("instance-b"));
            assertThat(statements).as("a second look is not a second query").hasValue(1);
        } finally {
            batch.rollback();
        }
    }

    @Test
    void whatTheBatchHasStagedComesBeforeWhatIsStored() {
        views.add(purchased("instance-a"));
        InstanceSnapshot stored = purchased("instance-a");
        InstanceSnapshot changed = new InstanceSnapshot(stored.instanceId(), stored.customerId(), InstanceState.RETAINED,
                false, stored.periodStart(), stored.terms(), JUNE_1, JUNE_1.plusSeconds(15 * 86_400), SMALL);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(eventOf("instance-a")));
        batch.start();
        try {
            assertThat(views.find(new InstanceId("instance-a"))).contains(purchased("instance-a"));
            views.replace(changed);
            assertThat(views.find(new InstanceId("instance-a"))).contains(changed);
        } finally {
            batch.rollback();
        }
    }

    @Test
    void anInstanceOutsideTheBatchOrOutsideAnyBatchIsReadOnItsOwn() {
        views.add(purchased("instance-a"));
        views.add(purchased("instance-c"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(eventOf("instance-a")));
        batch.start();
        try {
            statements.set(0);
            assertThat(views.find(new InstanceId("instance-c"))).contains(purchased("instance-c"));
            assertThat(views.find(new InstanceId("instance-a"))).contains(purchased("instance-a"));
            assertThat(statements).as("one for the batch, one for the instance outside it").hasValue(2);
        } finally {
            batch.rollback();
        }
        statements.set(0);
        assertThat(views.find(new InstanceId("instance-c"))).contains(purchased("instance-c"));
        assertThat(statements).hasValue(1);
    }
}
