package org.imagesearch.ledger.app;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.Term;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.query.instance.InstanceViewRepository;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The known pitfalls of Axon on PostgreSQL, each checked on a real PostgreSQL. */
class StorePitfallsPostgresTest {

    private static TestDatabase.Target database;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        database = TestDatabase.create("pg-store");
        node = LedgerNode.start(database, "pg-store-node");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void payloadsMetadataAndTokensAreByteaNeverLargeObjects() {
        for (int i = 0; i < 5; i++) {
            String id = node.client().purchase("bytea-" + i, 2_500_000, 5, false).text("instanceId");
            node.client().changePackage(id, 10_000_000, 10);
        }
        node.client().post("/api/v1/admin/replay", "");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(node.client().get("/api/v1/admin/replay").body().path("items").findValuesAsText("live"))
                        .containsOnly("true"));

        Map<String, Object> types = node.jdbc().queryForMap("""
                SELECT
                  (SELECT data_type FROM information_schema.columns WHERE table_name = 'domain_event_entry' AND column_name = 'payload') AS payload,
                  (SELECT data_type FROM information_schema.columns WHERE table_name = 'domain_event_entry' AND column_name = 'meta_data') AS meta_data,
                  (SELECT data_type FROM information_schema.columns WHERE table_name = 'snapshot_event_entry' AND column_name = 'payload') AS snapshot,
                  (SELECT data_type FROM information_schema.columns WHERE table_name = 'token_entry' AND column_name = 'token') AS token
                """);
        assertThat(types).containsOnlyKeys("payload", "meta_data", "snapshot", "token")
                .allSatisfy((column, type) -> assertThat(type).as(column).isEqualTo("bytea"));
        assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class))
                .as("large objects after commands, token updates and a replay").isZero();
    }

    @Test
    void theGlobalIndexIsHandedOutOneValueAtATime() {
        Map<String, Object> sequence = node.jdbc().queryForMap(
                "SELECT increment_by, cache_size FROM pg_sequences WHERE sequencename = 'domain_event_entry_global_index_seq'");
        assertThat(sequence).containsEntry("increment_by", 1L).containsEntry("cache_size", 1L);

        long before = head();
        for (int i = 0; i < 10; i++) {
            node.client().purchase("dense-" + i, 2_500_000, 5, false);
        }
        assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?",
                Long.class, before)).as("ten purchases, ten contiguous positions").isEqualTo(10);
        assertThat(head() - before).isEqualTo(10);
    }

    @Test
    void anEventCommittedLateIsProjectedNotSkipped() throws Exception {
        InstanceId late = new InstanceId("late-" + UUID.randomUUID().toString().substring(0, 8));
        try (Connection slow = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            slow.setAutoCommit(false);
            insertPurchase(slow, late);                     // takes a position, commits later
            var after = node.client().purchase("early-" + UUID.randomUUID().toString().substring(0, 8), 2_500_000,
                    5, false);                              // takes a higher position, commits now
            assertThat(node.client().get("/api/v1/instances/" + after.text("instanceId") + "?minPosition="
                    + after.body().path("position").asLong()).status()).isEqualTo(200);
            slow.commit();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(node.client().instance(late.value()).status()).as("the late event, projected").isEqualTo(200));
    }

    @Test
    void aGapLeftByARollbackDoesNotStallTheProjections() throws Exception {
        try (Connection aborted = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            aborted.setAutoCommit(false);
            insertPurchase(aborted, new InstanceId("never-" + UUID.randomUUID().toString().substring(0, 8)));
            aborted.rollback();                             // its position stays a gap forever
        }
        for (int i = 0; i < 3; i++) {
            var purchase = node.client().purchase("after-gap-" + UUID.randomUUID().toString().substring(0, 8),
                    2_500_000, 5, false);
            var read = node.client().get("/api/v1/instances/" + purchase.text("instanceId") + "?minPosition="
                    + purchase.body().path("position").asLong());
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
        }
    }

    /**
     * A statement run often enough is prepared on the server, which may then keep one plan for it
     * made while the table was small: for the batch read of instance snapshots that was a sequential
     * scan for good (ADR 0022). On one connection, that read runs in many batches and is never kept;
     * an ordinary read run as often is (which shows the check can see one).
     */
    @Test
    void theBatchSnapshotReadIsPlannedAgainAtEachBatchNotKeptFromWhenTheTableWasSmall() {
        String instance = node.client().purchase("planned-" + UUID.randomUUID().toString().substring(0, 8), 2_500_000,
                5, false).text("instanceId");
        SingleConnectionDataSource one = new SingleConnectionDataSource(database.jdbcUrl(), database.username(),
                database.password(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(one);
            InstanceViewRepository views = new InstanceViewRepository(jdbc, new PendingWrites(jdbc));
            await().atMost(Duration.ofSeconds(20)).until(() -> views.find(new InstanceId(instance)).isPresent());
            for (int batch = 0; batch < 12; batch++) {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(
                        new GenericDomainEventMessage<>("Instance", instance, batch, "an event of " + instance)));
                unitOfWork.start();
                try {
                    assertThat(views.find(new InstanceId(instance))).isPresent();
                } finally {
                    unitOfWork.rollback();
                }
                assertThat(views.ofCustomer(views.find(new InstanceId(instance)).orElseThrow().customerId()))
                        .hasSize(1);
            }
            List<String> prepared = jdbc.queryForList("SELECT statement FROM pg_prepared_statements", String.class);
            assertThat(prepared).as("server-prepared on this connection")
                    .anySatisfy(sql -> assertThat(sql).contains("WHERE customer_id ="))
                    .noneSatisfy(sql -> assertThat(sql).contains("instance_id = ANY"));
        } finally {
            one.destroy();
        }
    }

    private long head() {
        return node.jdbc().queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** Appends a purchase event by hand, in the caller's transaction, as another node would. */
    private static void insertPurchase(Connection connection, InstanceId instance) throws Exception {
        Serializer serializer = node.bean(Serializer.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResourcePackage pkg = new ResourcePackage(2_500_000, 5, 20, Money.usd("800.00"), "catalog:2020-05-18");
        PackagePurchased purchased = new PackagePurchased(instance, new CustomerId("by-hand"), pkg, false,
                new Term(now, now.plus(30, ChronoUnit.DAYS), 1, pkg, Money.usd("800.00")), Money.usd("800.00"), now);
        SerializedObject<byte[]> payload = serializer.serialize(purchased, byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Instance', ?, ?, ?, ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, instance.value());
            insert.setString(3, now.toString());
            insert.setString(4, payload.getType().getName());
            insert.setString(5, payload.getType().getRevision());
            insert.setBytes(6, payload.getData());
            insert.setBytes(7, "{}".getBytes());
            insert.executeUpdate();
        }
    }
}
