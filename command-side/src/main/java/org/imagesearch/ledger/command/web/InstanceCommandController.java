package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.billing.TermProration;
import org.imagesearch.ledger.api.catalog.PackageRef;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.ExhaustQuota;
import org.imagesearch.ledger.api.instance.ExhaustionReceipt;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.InstanceState;
import org.imagesearch.ledger.api.instance.PackageChangeReceipt;
import org.imagesearch.ledger.api.instance.PurchasePackage;
import org.imagesearch.ledger.api.instance.PurchaseReceipt;
import org.imagesearch.ledger.api.instance.RenewPackage;
import org.imagesearch.ledger.api.instance.RenewalReceipt;
import jakarta.servlet.http.HttpServletRequest;
import org.imagesearch.ledger.command.idempotency.IdempotencyKey;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import static org.imagesearch.ledger.command.web.RequestFields.optionalPackage;
import static org.imagesearch.ledger.command.web.RequestFields.required;
import static org.imagesearch.ledger.command.web.RequestFields.requiredPackage;

/** The four commands of an instance's life, over HTTP. */
@RestController
@RequestMapping(path = "/api/v1/instances", produces = MediaType.APPLICATION_JSON_VALUE)
public class InstanceCommandController {

    private final CommandDispatcher dispatcher;

    public InstanceCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record PurchaseRequest(String customerId, Long images, Integer qps, String quoteId, Boolean trial) {
    }

    public record PurchaseResponse(InstanceId instanceId, Money charged, Instant periodStart, Instant periodEnd,
                                   long position) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PurchaseResponse> purchase(@RequestBody PurchaseRequest request,
                                                     @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                                     String idempotencyKey, Principal caller,
                                                     HttpServletRequest http) {
        PurchaseRequest body = required(request, "body");
        PurchasePackage command = new PurchasePackage(InstanceId.random(),
                new CustomerId(required(body.customerId(), "customerId")),
                requiredPackage(body.images(), body.qps(), body.quoteId()), Boolean.TRUE.equals(body.trial()));
        CommandDispatcher.Sent<PurchaseReceipt> sent = dispatcher.send(command, command.instanceId().value(),
                IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(), body));
        PurchaseReceipt receipt = sent.result();
        return ResponseEntity.created(URI.create("/api/v1/instances/" + receipt.instanceId()))
                .body(new PurchaseResponse(receipt.instanceId(), receipt.charged(), receipt.periodStart(),
                        receipt.periodEnd(), sent.position()));
    }

    public record PackageChangeRequest(Long images, Integer qps, String quoteId) {
    }

    public record PackageChangeResponse(InstanceId instanceId, ChangeDirection direction, Money amount,
                                        PackageView from, PackageView to, Instant effectiveAt,
                                        List<TermProration> prorations, long position) {
    }

    @PostMapping(path = "/{instanceId}/package-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PackageChangeResponse changePackage(@PathVariable String instanceId,
                                               @RequestBody PackageChangeRequest request,
                                               @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                               String idempotencyKey, Principal caller, HttpServletRequest http) {
        PackageChangeRequest body = required(request, "body");
        InstanceId id = new InstanceId(instanceId);
        CommandDispatcher.Sent<PackageChangeReceipt> sent = dispatcher.send(
                new ChangePackage(id, requiredPackage(body.images(), body.qps(), body.quoteId())), id.value(),
                IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(), body));
        PackageChangeReceipt receipt = sent.result();
        return new PackageChangeResponse(id, receipt.direction(), receipt.amount(), PackageView.of(receipt.from()),
                PackageView.of(receipt.to()), receipt.effectiveAt(), receipt.prorations(), sent.position());
    }

    public record RenewalRequest(Integer months, Long images, Integer qps, String quoteId) {
    }

    public record RenewalResponse(InstanceId instanceId, Money charged, Instant termStart, Instant termEnd,
                                  int months, PackageView resourcePackage, boolean reactivated, long position) {
    }

    @PostMapping(path = "/{instanceId}/renewals", consumes = MediaType.APPLICATION_JSON_VALUE)
    public RenewalResponse renew(@PathVariable String instanceId, @RequestBody RenewalRequest request,
                                 @RequestHeader(value = IdempotencyKey.HEADER, required = false) String idempotencyKey,
                                 Principal caller, HttpServletRequest http) {
        RenewalRequest body = required(request, "body");
        InstanceId id = new InstanceId(instanceId);
        PackageRef resourcePackage = optionalPackage(body.images(), body.qps(), body.quoteId());
        CommandDispatcher.Sent<RenewalReceipt> sent = dispatcher.send(
                new RenewPackage(id, required(body.months(), "months"), resourcePackage), id.value(),
                IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(), body));
        RenewalReceipt receipt = sent.result();
        return new RenewalResponse(id, receipt.charged(), receipt.termStart(), receipt.termEnd(), receipt.months(),
                PackageView.of(receipt.resourcePackage()), receipt.reactivates(), sent.position());
    }

    public record ExhaustionRequest(String reason) {
    }

    public record ExhaustionResponse(InstanceId instanceId, InstanceState state, Instant releaseAt, long position) {
    }

    /** The body is optional; without one the reason is {@value ExhaustQuota#DEFAULT_REASON}. */
    @PostMapping(path = "/{instanceId}/quota-exhaustion")
    public ExhaustionResponse exhaustQuota(@PathVariable String instanceId,
                                           @RequestBody(required = false) ExhaustionRequest request,
                                           @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                           String idempotencyKey, Principal caller, HttpServletRequest http) {
        InstanceId id = new InstanceId(instanceId);
        String reason = request == null ? null : RequestFields.maxLength(request.reason(), "reason", 500);
        CommandDispatcher.Sent<ExhaustionReceipt> sent = dispatcher.send(new ExhaustQuota(id, reason), id.value(),
                IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(),
                        new ExhaustionRequest(reason)));
        ExhaustionReceipt receipt = sent.result();
        return new ExhaustionResponse(id, receipt.state(), receipt.releaseAt(), sent.position());
    }
}
