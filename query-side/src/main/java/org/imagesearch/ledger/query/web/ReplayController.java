package org.imagesearch.ledger.query.web;

import org.imagesearch.ledger.query.progress.ProjectionReplay;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Rebuilds every read model from the first event, and shows how far each has got. */
@RestController
@RequestMapping(path = "/api/v1/admin/replay", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReplayController {

    private final ProjectionReplay replay;

    public ReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    public record ReplayStatus(boolean replaying, List<ProjectionReplay.Status> items) {

        static ReplayStatus of(List<ProjectionReplay.Status> items) {
            return new ReplayStatus(items.stream().anyMatch(ProjectionReplay.Status::replaying), items);
        }
    }

    /**
     * Starts the rebuild and answers at once (202); poll the GET until every projection is live. The
     * same {@code Idempotency-Key} again (within 24 h) starts nothing and answers how the replay stands.
     */
    @PostMapping
    public ResponseEntity<ReplayStatus> start(@RequestHeader(value = "Idempotency-Key", required = false)
                                              String idempotencyKey, Principal caller) {
        if (idempotencyKey != null && replay.alreadyStartedWith(callerOf(caller), idempotencyKey)) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ReplayStatus.of(replay.status()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ReplayStatus.of(
                replay.replayAll(idempotencyKey == null ? null : callerOf(caller), idempotencyKey)));
    }

    private static String callerOf(Principal caller) {
        return caller == null ? "anonymous" : caller.getName();
    }

    @GetMapping
    public ReplayStatus status() {
        return ReplayStatus.of(replay.status());
    }
}
