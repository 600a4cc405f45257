package org.imagesearch.ledger.query;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceSnapshot;
import org.imagesearch.ledger.api.instance.InstanceState;
import org.imagesearch.ledger.api.instance.PackageChanged;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.query.CustomerLedger;
import org.imagesearch.ledger.api.query.FindProrations;
import org.imagesearch.ledger.api.query.FindReleasesDue;
import org.imagesearch.ledger.api.query.LedgerEntry;
import org.imagesearch.ledger.api.query.Prorations;
import org.imagesearch.ledger.query.instance.InstanceViewProjection;
import org.imagesearch.ledger.query.instance.InstanceViewRepository;
import org.imagesearch.ledger.query.ledger.LedgerEntryProjection;
import org.imagesearch.ledger.query.ledger.LedgerEntryRepository;
import org.imagesearch.ledger.query.proration.ProrationProjection;
import org.imagesearch.ledger.query.proration.ProrationRepository;
import org.imagesearch.ledger.query.release.ReleaseDeadlineProjection;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.imagesearch.ledger.query.readtable.PendingWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.imagesearch.ledger.query.Histories.LARGE;
import static org.imagesearch.ledger.query.Histories.SMALL;
import static org.imagesearch.ledger.query.Histories.TRIAL;

/** Each projection, fed a history through Axon's dispatching, and its table read back. */
class ProjectionsTest {

    private static final CustomerId ACME = new CustomerId("acme");
    private static final InstanceId FIRST = new InstanceId("first");
    private static final InstanceId SECOND = new InstanceId("second");

    private JdbcTemplate jdbc;
    private PendingWrites writes;

    private final List<Object> life = Histories.purchase("first", "acme", SMALL, false, "2026-06-01T00:00:00Z")
            .change(LARGE, "2026-06-10T00:00:00Z")
            .renew(2, "2026-06-11T00:00:00Z")
            .change(SMALL, "2026-06-20T00:00:00Z")
            .exhaust("2026-06-21T00:00:00Z")
            .events();

    @BeforeEach
    void database() {
        jdbc = ReadModelDatabase.create();
        writes = new PendingWrites(jdbc);
    }

    @Test
    void ledgerEntriesRecordEverySignedMovementOfMoneyInOrder() {
        LedgerEntryRepository entries = new LedgerEntryRepository(jdbc, writes);
        new Feed(new LedgerEntryProjection(entries), jdbc).events(life)
                .events(Histories.purchase("second", "acme", TRIAL, true, "2026-07-01T00:00:00Z").events());

        List<LedgerEntry> ledger = entries.ofCustomer(ACME);

        assertThat(ledger).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.PURCHASE,
                LedgerEntry.Kind.UPGRADE, LedgerEntry.Kind.RENEWAL, LedgerEntry.Kind.DOWNGRADE, LedgerEntry.Kind.TRIAL);
        // The downgrade on June 20: (800 − 5500) × 11/30 on June's term, (1600 − 11000) × 1 on the queued
        // two months: −1723.333… − 9400 = −11123.33 after one rounding.
        assertThat(ledger).extracting(LedgerEntry::amount).containsExactly(Money.usd("800.00"), Money.usd("3290.00"),
                Money.usd("11000.00"), Money.usd("-11123.33"), Money.ZERO);
        assertThat(ledger).extracting(LedgerEntry::position).isSorted().doesNotHaveDuplicates();
        assertThat(ledger.get(4).instanceId()).isEqualTo(SECOND);

        CustomerLedger.Totals totals = CustomerLedger.Totals.of(ledger, null);
        assertThat(totals.charged()).isEqualTo(Money.usd("15090.00"));
        assertThat(totals.credited()).isEqualTo(Money.usd("11123.33"));
        assertThat(totals.net()).isEqualTo(totals.charged().minus(totals.credited()));
    }

    @Test
    void anEventCommittedLateStillMakesItsEntry() {
        LedgerEntryRepository entries = new LedgerEntryRepository(jdbc, writes);
        Feed feed = new Feed(new LedgerEntryProjection(entries), jdbc);
        List<Object> first = Histories.purchase("first", "acme", SMALL, false, "2026-06-01T00:00:00Z").events();
        List<Object> second = Histories.purchase("second", "acme", LARGE, false, "2026-06-01T00:00:00Z").events();

        feed.events(first);
        feed.late(second.get(0), 1);    // its token names position 1, the position of the first purchase

        assertThat(entries.ofCustomer(ACME)).extracting(LedgerEntry::instanceId).containsExactly(FIRST, SECOND);
        assertThat(entries.ofCustomer(ACME)).extracting(LedgerEntry::position).containsExactly(1L, 2L);
    }

    @Test
    void entriesAndProrationsKeepTheirEventsPositionSoTheirReadsNeedNoEventTable() {
        LedgerEntryRepository entries = new LedgerEntryRepository(jdbc, writes);
        ProrationRepository prorations = new ProrationRepository(jdbc, writes);
        Feed feed = new Feed(new LedgerEntryProjection(entries), jdbc);
        List<Object> first = Histories.purchase("first", "acme", SMALL, false, "2026-06-01T00:00:00Z")
                .change(LARGE, "2026-06-10T00:00:00Z").events();
        feed.events(first);
        feed.late(Histories.purchase("second", "acme", LARGE, false, "2026-06-01T00:00:00Z").events().get(0), 2);
        prorations.add(jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE global_index = 2",
                String.class), Prorations.Row.of((PackageChanged) first.get(1), LedgerEntry.UNKNOWN_POSITION));

        jdbc.update("DELETE FROM domain_event_entry");

        assertThat(entries.ofCustomer(ACME)).extracting(LedgerEntry::instanceId, LedgerEntry::position)
                .containsExactly(tuple(FIRST, 1L), tuple(FIRST, 2L), tuple(SECOND, 3L));
        assertThat(prorations.ofInstance(FIRST)).extracting(Prorations.Row::position).containsExactly(2L);
    }

    @Test
    void anEntryWhoseEventIsNotInTheStoreIsRefusedInsteadOfWrittenWithoutItsPlace() {
        LedgerEntryRepository entries = new LedgerEntryRepository(jdbc, writes);
        LedgerEntry entry = LedgerEntry.of(life.get(0), 1).orElseThrow();

        assertThatThrownBy(() -> entries.add("an-event-the-store-never-had", entry))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows("ledger_entry")).isZero();
    }

    @Test
    void prorationsKeepOneRowPerPackageChangeWithItsInputs() {
        ProrationRepository repository = new ProrationRepository(jdbc, writes);
        ProrationProjection projection = new ProrationProjection(repository);
        new Feed(projection, jdbc).events(life);

        List<Prorations.Row> rows = repository.ofInstance(FIRST);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).amount()).isEqualTo(Money.usd("3290.00"));
        assertThat(rows.get(0).direction()).isEqualTo(ChangeDirection.UPGRADE);
        assertThat(rows.get(0).terms()).singleElement().satisfies(term -> {
            assertThat(term.remainingSeconds()).isEqualTo(21 * 86_400L);
            assertThat(term.totalSeconds()).isEqualTo(30 * 86_400L);
        });
        assertThat(rows.get(1).direction()).isEqualTo(ChangeDirection.DOWNGRADE);
        assertThat(rows.get(1).terms()).as("the queued renewal is repriced too").hasSize(2);
        assertThat(rows.get(1).rounding()).contains("HALF_UP");
        assertThat(repository.ofInstance(SECOND)).isEmpty();
    }

    @Test
    void releaseDeadlinesListRetainedInstancesUntilTheyAreRenewedOrReleased() {
        ReleaseDeadlineProjection projection = new ReleaseDeadlineProjection(jdbc, writes);
        Feed feed = new Feed(projection, jdbc).events(life)
                .events(Histories.purchase("second", "acme", SMALL, false, "2026-06-01T00:00:00Z")
                        .exhaust("2026-06-05T00:00:00Z").renew(1, "2026-06-06T00:00:00Z").events())
                .events(Histories.purchase("third", "beta", SMALL, false, "2026-06-01T00:00:00Z")
                        .exhaust("2026-06-02T00:00:00Z").release().events());

        var all = projection.handle(new FindReleasesDue(null)).items();

        assertThat(all).singleElement().satisfies(item -> {
            assertThat(item.instanceId()).isEqualTo(FIRST);
            assertThat(item.releaseAt()).isEqualTo(Instant.parse("2026-07-06T00:00:00Z"));
        });
        assertThat(projection.handle(new FindReleasesDue(Instant.parse("2026-07-06T00:00:00Z"))).items())
                .as("dueBefore is exclusive").isEmpty();
        assertThat(projection.handle(new FindReleasesDue(Instant.parse("2026-07-06T00:00:01Z"))).items()).hasSize(1);

        feed.reset();
        assertThat(projection.handle(new FindReleasesDue(null)).items()).isEmpty();
    }

    @Test
    void instanceViewsFoldEachInstancesEventsIntoItsSnapshot() {
        InstanceViewRepository views = new InstanceViewRepository(jdbc, writes);
        Feed feed = new Feed(new InstanceViewProjection(views), jdbc).events(life);

        var snapshot = views.find(FIRST).orElseThrow();

        assertThat(snapshot.state()).isEqualTo(InstanceState.RETAINED);
        assertThat(snapshot.periodEnd()).isEqualTo(Instant.parse("2026-06-21T00:00:00Z"));
        assertThat(snapshot.releaseAt()).isEqualTo(Instant.parse("2026-07-06T00:00:00Z"));
        assertThat(snapshot.retainedPackage()).isEqualTo(SMALL);
        assertThat(snapshot.billingBalance(Instant.parse("2026-06-22T00:00:00Z"))).isEqualTo(Money.ZERO);
        assertThat(views.ofCustomer(ACME)).containsExactly(snapshot);

        feed.reset();
        assertThat(views.find(FIRST)).isEmpty();
    }

    @Test
    void withinOneBatchAnInstancesEventsFoldInMemoryAndItsRowsAreWrittenAtCommit() {
        InstanceViewRepository views = new InstanceViewRepository(jdbc, writes);
        LedgerEntryRepository entries = new LedgerEntryRepository(jdbc, writes);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        new Feed(new InstanceViewProjection(views), jdbc).events(life);
        new Feed(new LedgerEntryProjection(entries), jdbc).events(life);

        assertThat(views.find(FIRST).orElseThrow().state()).as("the batch sees its own fold").isEqualTo(InstanceState.RETAINED);
        assertThat(rows("instance_view")).as("nothing written before the batch commits").isZero();
        assertThat(rows("ledger_entry")).isZero();

        batch.commit();

        assertThat(rows("instance_view")).isEqualTo(1);
        assertThat(views.find(FIRST).orElseThrow().state()).isEqualTo(InstanceState.RETAINED);
        assertThat(entries.ofCustomer(ACME)).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.PURCHASE,
                LedgerEntry.Kind.UPGRADE, LedgerEntry.Kind.RENEWAL, LedgerEntry.Kind.DOWNGRADE);
    }

    @Test
    void aBatchThatChangesAnInstanceNeverAddedFailsInsteadOfLosingTheChange() {
        InstanceViewRepository views = new InstanceViewRepository(jdbc, writes);
        var neverProjected = (PackagePurchased) Histories.purchase("second", "acme", SMALL, false,
                "2026-07-01T00:00:00Z").events().get(0);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        views.replace(InstanceSnapshot.of(neverProjected));

        assertThatThrownBy(batch::commit).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Expected one row of instance_view");
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void resetEmptiesEveryTable() {
        LedgerEntryRepository entries = new LedgerEntryRepository(jdbc, writes);
        ProrationRepository prorations = new ProrationRepository(jdbc, writes);
        Feed ledgerFeed = new Feed(new LedgerEntryProjection(entries), jdbc).events(life);
        ProrationProjection prorationProjection = new ProrationProjection(prorations);
        Feed prorationFeed = new Feed(prorationProjection, jdbc).events(life);

        ledgerFeed.reset();
        prorationFeed.reset();

        assertThat(entries.ofCustomer(ACME)).isEmpty();
        assertThat(prorationProjection.handle(new FindProrations(FIRST)).items()).isEmpty();
    }
}
