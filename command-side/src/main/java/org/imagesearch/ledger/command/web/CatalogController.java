package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.command.catalog.Catalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The price list in force. */
@RestController
public class CatalogController {

    private final Catalog catalog;

    public CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    public record TrialView(long images, int qps, int months, Money price) {
    }

    public record CatalogView(String version, String currency, String source, TrialView trial,
                              List<PackageView> items) {
    }

    @GetMapping(path = "/api/v1/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
    public CatalogView catalog() {
        return new CatalogView(catalog.version(), Money.USD, catalog.source(),
                new TrialView(catalog.trialSize().images(), catalog.trialSize().qps(), catalog.trialMonths(),
                        Money.ZERO),
                catalog.packages().stream().map(PackageView::of).toList());
    }
}
