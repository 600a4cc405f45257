package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document is the one the running service serves. When the API changes,
 * this test writes the new document to {@code target/openapi.json}; copy it over
 * {@code docs/openapi.json} and commit it with the change.
 */
class OpenApiDocumentTest extends LedgerHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedOpenApiDocumentMatchesTheServedOne() throws Exception {
        var served = ledger.get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        ObjectNode document = (ObjectNode) served.body();
        document.remove("servers");
        String current = JSON.writeValueAsString(document) + "\n";
        Files.writeString(Path.of("target", "openapi.json"), current);

        Path committed = Path.of("..", "docs", "openapi.json");
        assertThat(committed).as("docs/openapi.json exists").exists();
        JsonNode expected = JSON.readTree(Files.readString(committed));
        assertThat(document).as("docs/openapi.json is stale: copy ledger-app/target/openapi.json over it")
                .isEqualTo(expected);
        assertThat(document.path("paths").has("/api/v1/instances/{instanceId}/package-changes")).isTrue();
    }
}
