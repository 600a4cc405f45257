package org.imagesearch.ledger.query.web;

import org.imagesearch.ledger.api.UtcInstants;
import org.imagesearch.ledger.api.query.FindReleasesDue;
import org.imagesearch.ledger.api.query.ReleasesDue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** Retained instances and their release deadlines; {@code dueBefore} keeps those released before it. */
@RestController
public class ReleaseReadController {

    private final Reads reads;

    public ReleaseReadController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping(path = "/api/v1/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReleasesDue releases(@RequestParam(required = false) String dueBefore,
                                @RequestParam(required = false) Long minPosition) {
        FindReleasesDue query = new FindReleasesDue(dueBefore == null ? null
                : UtcInstants.parse(dueBefore, "dueBefore"));
        reads.consistentWith(minPosition);
        return reads.one(query, ReleasesDue.class);
    }
}
