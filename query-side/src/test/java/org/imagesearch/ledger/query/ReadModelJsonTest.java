package org.imagesearch.ledger.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.imagesearch.ledger.api.StoredInstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagesearch.ledger.query.QuerySideConfiguration.READ_MODEL_JSON;

/** The read models' JSON reads instants without Jackson's formatter, and as Jackson alone reads them. */
class ReadModelJsonTest {

    @Test
    void theReadModelsInstantsAreReadByStoredInstants() throws Exception {
        ObjectMapper mapper = READ_MODEL_JSON;
        Object reader = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null)
                .findRootValueDeserializer(mapper.constructType(Instant.class));

        assertThat(reader).isInstanceOf(StoredInstants.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-06-10T00:00:00Z\"", "\"2026-06-10T00:00:00.5Z\"",
            "\"2026-06-10T00:00:00.123456789Z\"", "\"2026-06-10T02:00:00+02:00\"", "1780272000.25"})
    void aReadModelInstantReadsAsJacksonAloneReadsIt(String json) throws Exception {
        Instant jacksons = JsonMapper.builder().addModule(new JavaTimeModule()).build().readValue(json, Instant.class);

        assertThat(READ_MODEL_JSON.readValue(json, Instant.class)).isEqualTo(jacksons);
    }

    @Test
    void anInstantWrittenByTheReadModelsReadsBackExactly() throws Exception {
        Instant instant = Instant.parse("2026-06-10T07:08:09.000001Z");

        assertThat(READ_MODEL_JSON.readValue(READ_MODEL_JSON.writeValueAsString(instant), Instant.class))
                .isEqualTo(instant);
    }
}
