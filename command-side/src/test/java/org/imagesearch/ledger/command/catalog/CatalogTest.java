package org.imagesearch.ledger.command.catalog;

import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.catalog.PackageSize;
import org.imagesearch.ledger.api.catalog.ResourcePackage;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CatalogTest {

    private static Catalog shipped() throws Exception {
        try (InputStream json = CatalogTest.class.getResourceAsStream("/catalog/catalog.json")) {
            return Catalog.read(json, "classpath:catalog/catalog.json");
        }
    }

    private static Catalog read(String json) {
        return Catalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void theCatalogHoldsTheSeedsFifteenPackagesEachWithDeleteQps20() throws Exception {
        Catalog catalog = shipped();

        assertThat(catalog.packages()).hasSize(15);
        assertThat(catalog.packages()).extracting(ResourcePackage::deleteQps).containsOnly(20);
        assertThat(catalog.packages()).extracting(ResourcePackage::offer).containsOnly("catalog:2020-05-18");
        assertThat(catalog.trialSize()).isEqualTo(new PackageSize(100_000, 1));
    }

    @ParameterizedTest
    @CsvSource({
            "100000, 1, 300.00",
            "2500000, 5, 800.00", "2500000, 10, 1500.00",
            "5000000, 5, 1600.00", "5000000, 10, 2900.00",
            "10000000, 5, 2900.00", "10000000, 10, 5500.00",
            "20000000, 5, 5500.00", "20000000, 10, 10300.00",
            "30000000, 5, 7900.00", "30000000, 10, 14700.00",
            "40000000, 5, 10000.00", "40000000, 10, 18600.00",
            "50000000, 5, 11800.00", "50000000, 10, 22100.00"})
    void everyPackageHasTheSeedsMonthlyPrice(long images, int qps, String price) throws Exception {
        assertThat(shipped().resolve(new PackageSize(images, qps)).monthlyPrice()).isEqualTo(Money.usd(price));
    }

    @Test
    void imagesAndQpsAreNeverSoldSeparately() throws Exception {
        LedgerRejection rejection = catchThrowableOfType(LedgerRejection.class,
                () -> shipped().resolve(new PackageSize(100_000, 5)));
        assertThat(rejection.code()).isEqualTo(RejectionCode.UNKNOWN_PACKAGE);
    }

    @Test
    void aMalformedCatalogFailsWithAMessageNamingTheFileAndTheProblem() {
        assertThatThrownBy(() -> read("{not json"))
                .isInstanceOf(MalformedCatalogException.class)
                .hasMessageContaining("test.json").hasMessageContaining("malformed");
        assertThatThrownBy(() -> read("""
                {"version": "v", "currency": "USD", "trial": {"images": 1, "qps": 1},
                 "packages": [{"images": 1, "qps": 1, "deleteQps": 20, "monthlyPrice": "1.005"}]}"""))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("2 decimal places");
        assertThatThrownBy(() -> read("""
                {"version": "v", "currency": "USD", "trial": {"images": 9, "qps": 9},
                 "packages": [{"images": 1, "qps": 1, "deleteQps": 20, "monthlyPrice": "1.00"}]}"""))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("trial package");
        assertThatThrownBy(() -> read("""
                {"version": "v", "currency": "USD", "trial": {"images": 1, "qps": 1},
                 "packages": [{"images": 1, "qps": 1, "deleteQps": 20, "monthlyPrice": "1.00"},
                              {"images": 1, "qps": 1, "deleteQps": 20, "monthlyPrice": "2.00"}]}"""))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> read("""
                {"version": "v", "currency": "EUR", "trial": {"images": 1, "qps": 1}, "packages": []}"""))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> read("""
                {"version": "v", "currency": "USD", "trial": {"images": 1, "qps": 1}, "colour": "red",
                 "packages": [{"images": 1, "qps": 1, "deleteQps": 20, "monthlyPrice": "1.00"}]}"""))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> read("""
                {"version": "v", "currency": "USD", "trial": {"images": 1, "qps": 1},
                 "packages": [{"images": 1, "qps": 0, "deleteQps": 20, "monthlyPrice": "1.00"}]}"""))
                .isInstanceOf(MalformedCatalogException.class).hasMessageContaining("qps");
    }
}
