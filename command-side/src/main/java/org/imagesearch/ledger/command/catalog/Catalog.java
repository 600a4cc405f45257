package org.imagesearch.ledger.command.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The price list: versioned data read from a JSON file, never code. Events record the offer they
 * were made at ({@code catalog:<version>}), so a new price list never changes replayed history.
 */
public final class Catalog {

    private final String version;
    private final String source;
    private final Map<PackageSize, ResourcePackage> packages;
    private final PackageSize trialSize;
    private final int trialMonths;

    private Catalog(String version, String source, Map<PackageSize, ResourcePackage> packages, PackageSize trialSize,
                    int trialMonths) {
        this.version = version;
        this.source = source;
        this.packages = Collections.unmodifiableMap(packages);
        this.trialSize = trialSize;
        this.trialMonths = trialMonths;
    }

    /**
     * Reads and checks a catalog file.
     *
     * @throws MalformedCatalogException naming {@code location} and what is wrong with it
     */
    public static Catalog read(InputStream json, String location) {
        CatalogFile file;
        try {
            file = MAPPER.readValue(json, CatalogFile.class);
        } catch (JsonProcessingException e) {
            throw new MalformedCatalogException(location, "not a readable catalog document: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedCatalogException(location, "cannot be read: " + e.getMessage());
        }
        try {
            return from(file, location);
        } catch (LedgerRejection | IllegalArgumentException | NullPointerException e) {
            throw new MalformedCatalogException(location, e.getMessage());
        }
    }

    private static Catalog from(CatalogFile file, String location) {
        if (file.version() == null || file.version().isBlank()) {
            throw new MalformedCatalogException(location, "\"version\" is missing");
        }
        if (!Money.USD.equals(file.currency())) {
            throw new MalformedCatalogException(location, "\"currency\" must be USD");
        }
        if (file.packages() == null || file.packages().isEmpty()) {
            throw new MalformedCatalogException(location, "\"packages\" is missing or empty");
        }
        String offer = "catalog:" + file.version();
        Map<PackageSize, ResourcePackage> packages = new LinkedHashMap<>();
        for (CatalogFile.Entry entry : file.packages()) {
            if (entry.images() == null || entry.qps() == null || entry.deleteQps() == null
                    || entry.monthlyPrice() == null) {
                throw new MalformedCatalogException(location,
                        "every package needs images, qps, deleteQps and monthlyPrice: " + entry);
            }
            ResourcePackage resourcePackage = new ResourcePackage(entry.images(), entry.qps(), entry.deleteQps(),
                    Money.usd(entry.monthlyPrice()), offer);
            if (packages.put(resourcePackage.size(), resourcePackage) != null) {
                throw new MalformedCatalogException(location, "the package " + resourcePackage.size()
                        + " is listed twice");
            }
        }
        if (file.trial() == null || file.trial().images() == null || file.trial().qps() == null) {
            throw new MalformedCatalogException(location, "\"trial\" must name the trial package's images and qps");
        }
        PackageSize trialSize = new PackageSize(file.trial().images(), file.trial().qps());
        if (!packages.containsKey(trialSize)) {
            throw new MalformedCatalogException(location, "the trial package " + trialSize + " is not in the catalog");
        }
        int trialMonths = file.trial().months() == null ? 1 : file.trial().months();
        if (trialMonths != 1) {
            throw new MalformedCatalogException(location, "a trial lasts one month");
        }
        return new Catalog(file.version(), file.source(), packages, trialSize, trialMonths);
    }

    public String version() {
        return version;
    }

    public String source() {
        return source;
    }

    public List<ResourcePackage> packages() {
        return new ArrayList<>(packages.values());
    }

    /** The package of this size. */
    public ResourcePackage resolve(PackageSize size) {
        ResourcePackage resourcePackage = packages.get(size);
        if (resourcePackage == null) {
            throw new LedgerRejection(RejectionCode.UNKNOWN_PACKAGE,
                    "No package of " + size + " in catalog " + version);
        }
        return resourcePackage;
    }

    /** The most images any catalog package holds. */
    public long maxImages() {
        return packages.keySet().stream().mapToLong(PackageSize::images).max().orElseThrow();
    }

    /** The highest QPS of any catalog package. */
    public int maxQps() {
        return packages.keySet().stream().mapToInt(PackageSize::qps).max().orElseThrow();
    }

    public boolean isTrialPackage(PackageSize size) {
        return trialSize.equals(size);
    }

    public PackageSize trialSize() {
        return trialSize;
    }

    public int trialMonths() {
        return trialMonths;
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The file's shape. Prices are strings, so no binary fraction ever touches them. */
    record CatalogFile(String version, String currency, String source, Trial trial, List<Entry> packages) {
        record Trial(Long images, Integer qps, Integer months) {
        }

        record Entry(Long images, Integer qps, Integer deleteQps, String monthlyPrice) {
        }
    }
}
