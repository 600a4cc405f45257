package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.instance.ChangeDirection;
import org.imagesearch.ledger.api.instance.ChangePackage;
import org.imagesearch.ledger.api.instance.InstanceId;
import org.imagesearch.ledger.api.instance.PackageChangeReceipt;
import org.imagesearch.ledger.api.instance.PackagePurchased;
import org.imagesearch.ledger.api.instance.PurchasePackage;
import org.imagesearch.ledger.api.instance.QuotePackageChange;
import org.imagesearch.ledger.api.instance.QuoteRenewal;
import org.imagesearch.ledger.api.instance.RenewPackage;
import org.imagesearch.ledger.api.instance.RenewalReceipt;
import org.imagesearch.ledger.command.instance.PurchasePolicy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

import static org.imagesearch.ledger.command.web.RequestFields.optionalPackage;
import static org.imagesearch.ledger.command.web.RequestFields.required;
import static org.imagesearch.ledger.command.web.RequestFields.requiredPackage;

/**
 * Prices without changing anything. Each quote runs the very decision the command would run, on the
 * state of now, so a quote equals the charge of the command sent right after it.
 */
@RestController
@RequestMapping(path = "/api/v1/quotes", produces = MediaType.APPLICATION_JSON_VALUE)
public class QuoteController {

    private final CommandDispatcher dispatcher;
    private final PurchasePolicy purchasePolicy;
    private final Clock clock;

    public QuoteController(CommandDispatcher dispatcher, PurchasePolicy purchasePolicy, Clock clock) {
        this.dispatcher = dispatcher;
        this.purchasePolicy = purchasePolicy;
        this.clock = clock;
    }

    public record PurchaseQuote(Money amount, Instant periodStart, Instant periodEnd) {
    }

    @GetMapping("/purchase")
    public PurchaseQuote purchase(@RequestParam(required = false) String customerId,
                                  @RequestParam(required = false) Long images,
                                  @RequestParam(required = false) Integer qps,
                                  @RequestParam(required = false) String quoteId,
                                  @RequestParam(required = false) Boolean trial) {
        PurchasePackage command = new PurchasePackage(InstanceId.random(),
                new CustomerId(required(customerId, "customerId")), requiredPackage(images, qps, quoteId),
                Boolean.TRUE.equals(trial));
        PackagePurchased purchase = purchasePolicy.quote(command, clock.instant());
        return new PurchaseQuote(purchase.charged(), purchase.term().start(), purchase.term().end());
    }

    public record PackageChangeQuote(Money amount, ChangeDirection direction, PackageView from, PackageView to) {
    }

    @GetMapping("/package-change")
    public PackageChangeQuote packageChange(@RequestParam(required = false) String instanceId,
                                            @RequestParam(required = false) Long images,
                                            @RequestParam(required = false) Integer qps,
                                            @RequestParam(required = false) String quoteId) {
        ChangePackage change = new ChangePackage(new InstanceId(required(instanceId, "instanceId")),
                requiredPackage(images, qps, quoteId));
        PackageChangeReceipt quote = dispatcher.ask(new QuotePackageChange(change));
        return new PackageChangeQuote(quote.amount(), quote.direction(), PackageView.of(quote.from()),
                PackageView.of(quote.to()));
    }

    public record RenewalQuote(Money amount, Instant termStart, Instant termEnd, PackageView resourcePackage) {
    }

    @GetMapping("/renewal")
    public RenewalQuote renewal(@RequestParam(required = false) String instanceId,
                                @RequestParam(required = false) Integer months,
                                @RequestParam(required = false) Long images,
                                @RequestParam(required = false) Integer qps,
                                @RequestParam(required = false) String quoteId) {
        RenewPackage renewal = new RenewPackage(new InstanceId(required(instanceId, "instanceId")),
                required(months, "months"), optionalPackage(images, qps, quoteId));
        RenewalReceipt quote = dispatcher.ask(new QuoteRenewal(renewal));
        return new RenewalQuote(quote.charged(), quote.termStart(), quote.termEnd(),
                PackageView.of(quote.resourcePackage()));
    }
}
