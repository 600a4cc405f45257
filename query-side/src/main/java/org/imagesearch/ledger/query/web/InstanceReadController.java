package org.imagesearch.ledger.query.web;

import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.query.AuditTrail;
import org.imagesearch.ledger.api.query.FindAuditTrail;
import org.imagesearch.ledger.api.query.FindInstance;
import org.imagesearch.ledger.api.query.FindProrations;
import org.imagesearch.ledger.api.query.InstanceView;
import org.imagesearch.ledger.api.query.Prorations;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Reads of one instance. {@code minPosition} (from a command's answer) waits until the read model
 * has that command's events; {@code asOf} answers from the event store what was true then.
 */
@RestController
@RequestMapping(path = "/api/v1/instances", produces = MediaType.APPLICATION_JSON_VALUE)
public class InstanceReadController {

    private final Reads reads;

    public InstanceReadController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/{instanceId}")
    public InstanceView instance(@PathVariable String instanceId,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) Long minPosition) {
        InstanceId id = new InstanceId(instanceId);
        Instant at = reads.asOf(asOf);
        if (at == null) {
            reads.consistentWith(minPosition);
        }
        return reads.optional(new FindInstance(id, at), InstanceView.class)
                .orElseThrow(() -> LedgerRejection.notFound("No instance " + id
                        + (at == null ? "" : " as of " + at)));
    }

    @GetMapping("/{instanceId}/prorations")
    public Prorations prorations(@PathVariable String instanceId,
                                 @RequestParam(required = false) Long minPosition) {
        InstanceId id = new InstanceId(instanceId);
        reads.consistentWith(minPosition);
        requireKnown(id);
        return reads.one(new FindProrations(id), Prorations.class);
    }

    /** The audit trail comes from the event store itself, so it needs no waiting and answers during a replay. */
    @GetMapping("/{instanceId}/events")
    public AuditTrail events(@PathVariable String instanceId) {
        InstanceId id = new InstanceId(instanceId);
        return reads.optional(FindAuditTrail.ofInstance(id), AuditTrail.class)
                .orElseThrow(() -> LedgerRejection.notFound("No instance " + id));
    }

    private void requireKnown(InstanceId id) {
        if (reads.optional(FindInstance.now(id), InstanceView.class).isEmpty()) {
            throw LedgerRejection.notFound("No instance " + id);
        }
    }
}
