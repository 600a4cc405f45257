package org.imagesearch.ledger.query.web;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.query.AuditTrail;
import org.imagesearch.ledger.api.query.CustomerLedger;
import org.imagesearch.ledger.api.query.FindAuditTrail;
import org.imagesearch.ledger.api.query.FindCustomerLedger;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Reads of one customer: its ledger (now or as of an instant) and its audit trail. */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
public class CustomerReadController {

    private final Reads reads;

    public CustomerReadController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping("/{customerId}/ledger")
    public CustomerLedger ledger(@PathVariable String customerId,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) Long minPosition) {
        CustomerId id = new CustomerId(customerId);
        Instant at = reads.asOf(asOf);
        reads.consistentWith(minPosition);
        return reads.optional(new FindCustomerLedger(id, at), CustomerLedger.class)
                .orElseThrow(() -> LedgerRejection.notFound("No purchases by customer " + id
                        + (at == null ? "" : " by " + at)));
    }

    @GetMapping("/{customerId}/events")
    public AuditTrail events(@PathVariable String customerId,
                             @RequestParam(required = false) Long minPosition) {
        CustomerId id = new CustomerId(customerId);
        reads.consistentWith(minPosition);
        return reads.optional(FindAuditTrail.ofCustomer(id), AuditTrail.class)
                .orElseThrow(() -> LedgerRejection.notFound("No purchases by customer " + id));
    }
}
