package org.imagesearch.ledger.query.web;

import org.imagesearch.ledger.query.progress.ProjectionReplay;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    /** Starts the rebuild and answers at once (202); poll the GET until every projection is live. */
    @PostMapping
    public ResponseEntity<ReplayStatus> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ReplayStatus.of(replay.replayAll()));
    }

    @GetMapping
    public ReplayStatus status() {
        return ReplayStatus.of(replay.status());
    }
}
