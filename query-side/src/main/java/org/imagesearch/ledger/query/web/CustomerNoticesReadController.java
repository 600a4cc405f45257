package org.imagesearch.ledger.query.web;

import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.query.CustomQuotes;
import org.imagesearch.ledger.api.query.FindCustomQuotes;
import org.imagesearch.ledger.api.query.FindNotifications;
import org.imagesearch.ledger.api.query.Notifications;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** What a customer has been offered and told: its custom quotes and its notices. An unknown customer has none of either. */
@RestController
public class CustomerNoticesReadController {

    private final Reads reads;

    public CustomerNoticesReadController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping(path = "/api/v1/custom-quotes", produces = MediaType.APPLICATION_JSON_VALUE)
    public CustomQuotes customQuotes(@RequestParam(required = false) String customerId,
                                     @RequestParam(required = false) Long minPosition) {
        FindCustomQuotes query = new FindCustomQuotes(customer(customerId));
        reads.consistentWith(minPosition);
        return reads.one(query, CustomQuotes.class);
    }

    @GetMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public Notifications notifications(@RequestParam(required = false) String customerId,
                                       @RequestParam(required = false) Long minPosition) {
        FindNotifications query = new FindNotifications(customer(customerId));
        reads.consistentWith(minPosition);
        return reads.one(query, Notifications.class);
    }

    private static CustomerId customer(String customerId) {
        if (customerId == null) {
            throw LedgerRejection.validation("customerId is required");
        }
        return new CustomerId(customerId);
    }
}
