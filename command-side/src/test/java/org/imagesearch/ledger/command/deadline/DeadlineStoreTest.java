package org.imagesearch.ledger.command.deadline;

import org.imagesearch.ledger.api.instance.InstanceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each instance has at most one next deadline: the first is inserted, later ones replace it. */
class DeadlineStoreTest {

    private static final Instant JULY_1 = Instant.parse("2026-07-01T00:00:00Z");
    private static final InstanceId INSTANCE = new InstanceId("instance-1");

    private DeadlineStore store;

    @BeforeEach
    void database() {
        store = new DeadlineStore(new JdbcTemplate(DeadlineDatabase.create()));
    }

    @Test
    void aPurchasesDeadlineIsTheInstancesFirstAndLaterOnesReplaceIt() {
        store.scheduleFirst(INSTANCE, JULY_1);
        assertThat(store.dueAt(INSTANCE)).contains(JULY_1);

        store.schedule(INSTANCE, JULY_1.plusSeconds(86_400));
        assertThat(store.dueAt(INSTANCE)).contains(JULY_1.plusSeconds(86_400));
    }

    @Test
    void aFirstDeadlineForAnInstanceThatHasOneIsRefusedNotMerged() {
        store.scheduleFirst(INSTANCE, JULY_1);

        assertThatThrownBy(() -> store.scheduleFirst(INSTANCE, JULY_1.plusSeconds(1)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.dueAt(INSTANCE)).contains(JULY_1);
    }

    @Test
    void aLaterDeadlineForAnInstanceWithoutOneIsWrittenToo() {
        store.schedule(INSTANCE, JULY_1);
        assertThat(store.dueAt(INSTANCE)).contains(JULY_1);
    }
}
