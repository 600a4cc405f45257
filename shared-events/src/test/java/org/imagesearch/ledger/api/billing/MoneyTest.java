package org.imagesearch.ledger.api.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void moneyHasExactlyTwoDecimalPlaces() {
        assertThat(Money.usd("3290").amount()).isEqualTo(new BigDecimal("3290.00"));
        assertThat(Money.usd("0.5")).isEqualTo(Money.usd("0.50"));
        assertThatThrownBy(() -> Money.usd("0.005")).isInstanceOf(LedgerRejection.class)
                .hasMessageContaining("2 decimal places");
    }

    @Test
    void moneyIsUsdOnly() {
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, "EUR")).isInstanceOf(LedgerRejection.class);
    }

    @Test
    void moneyCountsCentsExactly() {
        assertThat(Money.usd("-3290.01").cents()).isEqualTo(-329_001);
        assertThat(Money.ofCents(-1)).isEqualTo(Money.usd("-0.01"));
    }

    @Test
    void moneyReadsAndWritesAsAStringAmountWithCurrency() throws Exception {
        ObjectMapper json = new ObjectMapper();

        String written = json.writeValueAsString(Money.usd("3290.00"));

        assertThat(written).isEqualTo("{\"amount\":\"3290.00\",\"currency\":\"USD\"}");
        assertThat(json.readValue(written, Money.class)).isEqualTo(Money.usd("3290.00"));
    }
}
