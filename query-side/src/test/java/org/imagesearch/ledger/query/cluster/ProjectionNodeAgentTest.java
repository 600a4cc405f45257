package org.imagesearch.ledger.query.cluster;

import org.imagesearch.ledger.query.progress.ProjectionProgress.SegmentProgress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When a node's processor may be stopped for a replay without losing a segment to Axon's launcher. */
class ProjectionNodeAgentTest {

    private static final String SELF = "node-a";
    private static final int TWO_THREADS = 2;

    private static SegmentProgress owned(int segment, String owner) {
        return new SegmentProgress(segment, null, owner, SELF.equals(owner));
    }

    /** The race AbandonedReplayTest met: one segment running, the other still free for this node to claim. */
    @Test
    void aProcessorWithAFreeSegmentAndAThreadToClaimItIsNotSettled() {
        assertThat(ProjectionNodeAgent.settled(Set.of(0), TWO_THREADS,
                List.of(owned(0, SELF), owned(1, null)), SELF)).isFalse();
    }

    @Test
    void aProcessorThatClaimedNothingYetIsNotSettled() {
        assertThat(ProjectionNodeAgent.settled(Set.of(), TWO_THREADS,
                List.of(owned(0, null), owned(1, null)), SELF)).isFalse();
    }

    @Test
    void aSegmentClaimedByThisNodeWithoutItsWorkerYetIsNotSettled() {
        assertThat(ProjectionNodeAgent.settled(Set.of(0), TWO_THREADS,
                List.of(owned(0, SELF), owned(1, SELF)), SELF)).isFalse();
    }

    @Test
    void aWorkerForEverySegmentIsSettled() {
        assertThat(ProjectionNodeAgent.settled(Set.of(0, 1), TWO_THREADS,
                List.of(owned(0, SELF), owned(1, SELF)), SELF)).isTrue();
    }

    @Test
    void aSegmentAnotherNodeRunsIsNoReasonToWait() {
        assertThat(ProjectionNodeAgent.settled(Set.of(0), TWO_THREADS,
                List.of(owned(0, SELF), owned(1, "node-b")), SELF)).isTrue();
    }

    @Test
    void aFreeSegmentThisNodeHasNoThreadForIsNoReasonToWait() {
        assertThat(ProjectionNodeAgent.settled(Set.of(0), 1,
                List.of(owned(0, SELF), owned(1, null)), SELF)).isTrue();
    }
}
