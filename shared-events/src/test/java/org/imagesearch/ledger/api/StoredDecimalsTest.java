package org.imagesearch.ledger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored decimal reads as Jackson alone reads it, value and scale, or fails as Jackson fails. */
class StoredDecimalsTest {

    private static final ObjectMapper JACKSON = JsonMapper.builder().build();
    private static final ObjectMapper STORED = JsonMapper.builder().addModule(StoredDecimals.module()).build();

    @Property(tries = 3000)
    void aDecimalStringReadsAsJacksonReadsIt(@ForAll("decimalTexts") String text) throws Exception {
        String json = JACKSON.writeValueAsString(text);
        BigDecimal jacksons;
        try {
            jacksons = JACKSON.readValue(json, BigDecimal.class);
        } catch (Exception refused) {
            assertThatThrownBy(() -> STORED.readValue(json, BigDecimal.class)).as(text)
                    .isInstanceOf(refused.getClass());
            return;
        }
        BigDecimal read = STORED.readValue(json, BigDecimal.class);
        assertThat(read).as(text).isEqualTo(jacksons);
        if (jacksons != null) {
            assertThat(read.scale()).as(text).isEqualTo(jacksons.scale());
        }
    }

    @Provide
    Arbitrary<String> decimalTexts() {
        Arbitrary<String> near = Arbitraries.strings().withChars("0123456789-.+eE ,٣").ofMinLength(0).ofMaxLength(24);
        Arbitrary<String> money = Arbitraries.bigDecimals().ofScale(2).map(BigDecimal::toPlainString);
        return Arbitraries.oneOf(near, money);
    }

    @Test
    void aNumberTokenIsLeftToJackson() throws Exception {
        assertThat(STORED.readValue("3290.5", BigDecimal.class)).isEqualTo(new BigDecimal("3290.5"));
        assertThat(STORED.readValue("\"1e3\"", BigDecimal.class)).isEqualTo(new BigDecimal("1e3"));
        assertThat(STORED.readValue("\"-0.005\"", BigDecimal.class)).isEqualTo(new BigDecimal("-0.005"));
    }
}
