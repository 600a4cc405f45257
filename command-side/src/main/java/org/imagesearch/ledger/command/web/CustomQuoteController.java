package org.imagesearch.ledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.quote.CustomQuoteOffered;
import org.imagesearch.ledger.api.quote.OfferCustomQuote;
import org.imagesearch.ledger.api.quote.QuoteId;
import org.imagesearch.ledger.command.idempotency.IdempotencyKey;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import static org.imagesearch.ledger.command.web.RequestFields.required;
import static org.imagesearch.ledger.command.web.RequestFields.requiredSize;

/** Operators offer a customer a package beyond the catalog. Listing them is a read: {@code GET /api/v1/custom-quotes}. */
@RestController
@RequestMapping(path = "/api/v1/custom-quotes", produces = MediaType.APPLICATION_JSON_VALUE)
public class CustomQuoteController {

    /** The delete QPS of every catalog package, and of a custom quote that does not name one. */
    static final int DEFAULT_DELETE_QPS = 20;

    private final CommandDispatcher dispatcher;

    public CustomQuoteController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record CustomQuoteRequest(String customerId, Long images, Integer qps, Integer deleteQps,
                                     Money monthlyPrice, Instant validUntil) {
    }

    public record CustomQuoteResponse(QuoteId quoteId, CustomerId customerId, PackageView resourcePackage,
                                      Instant validUntil, Instant offeredAt, long position) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CustomQuoteResponse> offer(@RequestBody CustomQuoteRequest request,
                                                     @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                                     String idempotencyKey, Principal caller,
                                                     HttpServletRequest http) {
        CustomQuoteRequest body = required(request, "body");
        int deleteQps = body.deleteQps() == null ? DEFAULT_DELETE_QPS : body.deleteQps();
        OfferCustomQuote command = new OfferCustomQuote(QuoteId.random(),
                new CustomerId(required(body.customerId(), "customerId")), requiredSize(body.images(), body.qps()),
                deleteQps, required(body.monthlyPrice(), "monthlyPrice"), required(body.validUntil(), "validUntil"));
        CommandDispatcher.Sent<CustomQuoteOffered> sent = dispatcher.send(command, command.quoteId().value(),
                IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(), body));
        CustomQuoteOffered offered = sent.result();
        return ResponseEntity.created(URI.create("/api/v1/custom-quotes/" + offered.quoteId()))
                .body(new CustomQuoteResponse(offered.quoteId(), offered.customerId(),
                        PackageView.of(offered.resourcePackage()), offered.validUntil(), offered.offeredAt(),
                        sent.position()));
    }
}
