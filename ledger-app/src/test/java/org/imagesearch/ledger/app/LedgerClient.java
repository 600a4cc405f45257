package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Talks to a running ledger over real HTTP, as another service would. */
public final class LedgerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client that authenticates as the operator. */
    public LedgerClient(int port) {
        this(port, TestKeys.OPERATOR);
    }

    /** A client that sends {@code key}, or no key at all if it is null. */
    public LedgerClient(int port, String key) {
        this.base = "http://localhost:" + port;
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
    }

    public String baseUrl() {
        return base;
    }

    public LedgerClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** An answer: status, content type and the body as JSON (or null). */
    public record Answer(int status, String contentType, String raw, JsonNode body) {

        public String code() {
            return body == null ? null : body.path("code").asText(null);
        }

        public String text(String field) {
            return body.path(field).asText();
        }

        public String money(String field) {
            return body.path(field).path("amount").asText();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, Map<String, ?> body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = null;
            if (raw != null && !raw.isBlank()) {
                try {
                    body = JSON.readTree(raw);
                } catch (IOException notJson) {
                    body = null;
                }
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), raw,
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the ledger's own calls

    public Answer purchase(String customerId, long images, int qps, boolean trial) {
        return post("/api/v1/instances", Map.of("customerId", customerId, "images", images, "qps", qps,
                "trial", trial));
    }

    public Answer changePackage(String instanceId, long images, int qps) {
        return post("/api/v1/instances/" + instanceId + "/package-changes", Map.of("images", images, "qps", qps));
    }

    public Answer renew(String instanceId, int months) {
        return post("/api/v1/instances/" + instanceId + "/renewals", Map.of("months", months));
    }

    public Answer renew(String instanceId, int months, long images, int qps) {
        return post("/api/v1/instances/" + instanceId + "/renewals", Map.of("months", months, "images", images,
                "qps", qps));
    }

    public Answer exhaust(String instanceId) {
        return post("/api/v1/instances/" + instanceId + "/quota-exhaustion", Map.of("reason", "test"));
    }

    public Answer setClock(String now) {
        return post("/api/v1/admin/clock", Map.of("now", now));
    }

    public Answer advanceClock(String duration) {
        return post("/api/v1/admin/clock", Map.of("advance", duration));
    }

    public Answer instance(String instanceId) {
        return get("/api/v1/instances/" + instanceId);
    }
}
