package org.imagesearch.ledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests, one per row: each gets a 4xx application/problem+json with a stable code,
 * writes no event, and shows nothing of the server's insides.
 */
class HostileInputTest extends LedgerHttpTest {

    private static String instance;

    /** One malformed request: method, path ({id} is a real instance), content type, body, and the answer due. */
    record Case(String name, String method, String path, String contentType, String body, int status, String code) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String path, String body, int status, String code) {
        return new Case(name, "POST", path, "application/json", body, status, code);
    }

    private static Case purchase(String name, String body, int status, String code) {
        return post(name, "/api/v1/instances", body, status, code);
    }

    private static Case get(String name, String path, int status, String code) {
        return new Case(name, "GET", path, null, null, status, code);
    }

    private static String quote(String amount, String currency) {
        return "{\"customerId\":\"h\",\"images\":90000000,\"qps\":10,\"monthlyPrice\":{\"amount\":" + amount
                + ",\"currency\":\"" + currency + "\"},\"validUntil\":\"2099-01-01T00:00:00Z\"}";
    }

    private static String payment(String amount, String reference) {
        return "{\"customerId\":\"h\",\"amount\":{\"amount\":" + amount + ",\"currency\":\"USD\"},"
                + "\"reference\":" + reference + "}";
    }

    static List<Case> cases() {
        String ok = "\"customerId\":\"hostile\",\"images\":2500000,\"qps\":5";
        List<Case> cases = new ArrayList<>(List.of(
                // broken JSON; empty, null or array bodies
                purchase("unclosed object", "{", 400, "VALIDATION"),
                purchase("trailing comma", "{" + ok + ",}", 400, "VALIDATION"),
                purchase("empty body", "", 400, "VALIDATION"),
                purchase("null body", "null", 400, "VALIDATION"),
                purchase("empty array", "[]", 400, "VALIDATION"),
                purchase("array of a good body", "[{" + ok + "}]", 400, "VALIDATION"),
                purchase("a bare string", "\"purchase\"", 400, "VALIDATION"),
                purchase("a bare number", "42", 400, "VALIDATION"),
                purchase("garbage after the object", "{" + ok + "} trailing", 400, "VALIDATION"),
                purchase("single quotes", "{'customerId':'hostile','images':2500000,'qps':5}", 400, "VALIDATION"),
                purchase("comments", "{/* hi */" + ok + "}", 400, "VALIDATION"),
                purchase("nested a thousand deep", "{\"customerId\":" + "[".repeat(1000) + "]".repeat(1000)
                        + ",\"images\":2500000,\"qps\":5}", 400, "VALIDATION"),
                // wrong types
                purchase("images as letters", "{\"customerId\":\"h\",\"images\":\"abc\",\"qps\":5}", 400, "VALIDATION"),
                purchase("images as a numeric string", "{\"customerId\":\"h\",\"images\":\"2500000\",\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("qps as a boolean", "{\"customerId\":\"h\",\"images\":2500000,\"qps\":true}", 400,
                        "VALIDATION"),
                purchase("trial as a string", "{" + ok + ",\"trial\":\"yes\"}", 400, "VALIDATION"),
                purchase("trial as a number", "{" + ok + ",\"trial\":1}", 400, "VALIDATION"),
                purchase("customerId as a number", "{\"customerId\":42,\"images\":2500000,\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("customerId as an object", "{\"customerId\":{},\"images\":2500000,\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("images as an array", "{\"customerId\":\"h\",\"images\":[2500000],\"qps\":5}", 400,
                        "VALIDATION"),
                // numbers that overflow, fractions, signs
                purchase("images overflowing a long", "{\"customerId\":\"h\",\"images\":99999999999999999999999,\"qps\":5}",
                        400, "VALIDATION"),
                purchase("qps overflowing an int", "{\"customerId\":\"h\",\"images\":2500000,\"qps\":2147483648}", 400,
                        "VALIDATION"),
                purchase("images with a fraction", "{\"customerId\":\"h\",\"images\":2500000.5,\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("qps written as 5.0", "{\"customerId\":\"h\",\"images\":2500000,\"qps\":5.0}", 400, "VALIDATION"),
                purchase("images in exponent form", "{\"customerId\":\"h\",\"images\":2.5e6,\"qps\":5}", 400, "VALIDATION"),
                purchase("negative images", "{\"customerId\":\"h\",\"images\":-2500000,\"qps\":5}", 400, "VALIDATION"),
                purchase("zero images", "{\"customerId\":\"h\",\"images\":0,\"qps\":5}", 400, "VALIDATION"),
                purchase("zero qps", "{\"customerId\":\"h\",\"images\":2500000,\"qps\":0}", 400, "VALIDATION"),
                // unknown packages
                purchase("images not in the catalog", "{\"customerId\":\"h\",\"images\":3000000,\"qps\":5}", 400,
                        "UNKNOWN_PACKAGE"),
                purchase("qps not in the catalog", "{\"customerId\":\"h\",\"images\":2500000,\"qps\":7}", 400,
                        "UNKNOWN_PACKAGE"),
                purchase("images and qps sold apart", "{\"customerId\":\"h\",\"images\":100000,\"qps\":10}", 400,
                        "UNKNOWN_PACKAGE"),
                // ids
                purchase("empty customer id", "{\"customerId\":\"\",\"images\":2500000,\"qps\":5}", 400, "VALIDATION"),
                purchase("customer id of 65 characters", "{\"customerId\":\"" + "c".repeat(65)
                        + "\",\"images\":2500000,\"qps\":5}", 400, "VALIDATION"),
                purchase("customer id with a slash", "{\"customerId\":\"a/b\",\"images\":2500000,\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("customer id ..", "{\"customerId\":\"..\",\"images\":2500000,\"qps\":5}", 400, "VALIDATION"),
                purchase("customer id with a control character", "{\"customerId\":\"a\\u0001b\",\"images\":2500000,\"qps\":5}",
                        400, "VALIDATION"),
                purchase("customer id with a newline", "{\"customerId\":\"a\\nb\",\"images\":2500000,\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("customer id with a space", "{\"customerId\":\"a b\",\"images\":2500000,\"qps\":5}", 400,
                        "VALIDATION"),
                purchase("customer id with a non-ASCII letter", "{\"customerId\":\"kunde-ä\",\"images\":2500000,\"qps\":5}",
                        400, "VALIDATION"),
                // unknown fields and duplicate keys
                purchase("an unknown field", "{" + ok + ",\"discount\":\"100%\"}", 400, "VALIDATION"),
                purchase("a duplicate key", "{" + ok + ",\"customerId\":\"other\"}", 400, "VALIDATION"),
                purchase("customerId missing", "{\"images\":2500000,\"qps\":5}", 400, "VALIDATION"),
                purchase("images missing", "{\"customerId\":\"h\",\"qps\":5}", 400, "VALIDATION"),
                purchase("images null", "{\"customerId\":\"h\",\"images\":null,\"qps\":5}", 400, "VALIDATION"),
                // a trial flag on a non-trial package
                purchase("a trial of a paid package", "{" + ok + ",\"trial\":true}", 400, "VALIDATION"),
                // wrong content types and sizes
                new Case("text/plain", "POST", "/api/v1/instances", "text/plain", "{" + ok + "}", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Case("application/xml", "POST", "/api/v1/instances", "application/xml", "<purchase/>", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Case("form encoded", "POST", "/api/v1/instances", "application/x-www-form-urlencoded",
                        "customerId=h&images=2500000&qps=5", 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("no content type", "POST", "/api/v1/instances", null, "{" + ok + "}", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                purchase("a body over 64 KiB", "{" + ok + ",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}", 413,
                        "PAYLOAD_TOO_LARGE"),
                // renewals: months
                post("zero months", "/api/v1/instances/{id}/renewals", "{\"months\":0}", 400, "VALIDATION"),
                post("negative months", "/api/v1/instances/{id}/renewals", "{\"months\":-1}", 400, "VALIDATION"),
                post("37 months", "/api/v1/instances/{id}/renewals", "{\"months\":37}", 400, "VALIDATION"),
                post("a fraction of a month", "/api/v1/instances/{id}/renewals", "{\"months\":1.5}", 400, "VALIDATION"),
                post("months as a string", "/api/v1/instances/{id}/renewals", "{\"months\":\"1\"}", 400, "VALIDATION"),
                post("months overflowing an int", "/api/v1/instances/{id}/renewals", "{\"months\":4294967297}", 400,
                        "VALIDATION"),
                post("months missing", "/api/v1/instances/{id}/renewals", "{}", 400, "VALIDATION"),
                post("images without qps", "/api/v1/instances/{id}/renewals", "{\"months\":1,\"images\":2500000}", 400,
                        "VALIDATION"),
                post("a renewal to an unknown package", "/api/v1/instances/{id}/renewals",
                        "{\"months\":1,\"images\":7,\"qps\":7}", 400, "UNKNOWN_PACKAGE"),
                post("an unknown renewal field", "/api/v1/instances/{id}/renewals", "{\"months\":1,\"free\":true}", 400,
                        "VALIDATION"),
                // package changes and ids in paths
                post("qps missing from a change", "/api/v1/instances/{id}/package-changes", "{\"images\":10000000}", 400,
                        "VALIDATION"),
                post("a change to nothing", "/api/v1/instances/{id}/package-changes", "{\"images\":null,\"qps\":null}",
                        400, "VALIDATION"),
                post("an instance id of 65 characters", "/api/v1/instances/" + "i".repeat(65) + "/package-changes",
                        "{\"images\":10000000,\"qps\":10}", 400, "VALIDATION"),
                post("an encoded slash in an instance id", "/api/v1/instances/a%2Fb/package-changes",
                        "{\"images\":10000000,\"qps\":10}", 400, "VALIDATION"),
                post("an encoded control character in an instance id", "/api/v1/instances/a%01b/package-changes",
                        "{\"images\":10000000,\"qps\":10}", 400, "VALIDATION"),
                post("an instance id ..", "/api/v1/instances/%2E%2E/package-changes",
                        "{\"images\":10000000,\"qps\":10}", 400, "VALIDATION"),
                // exhaustion
                post("a reason that is a number", "/api/v1/instances/{id}/quota-exhaustion", "{\"reason\":42}", 400,
                        "VALIDATION"),
                post("a reason of 501 characters", "/api/v1/instances/{id}/quota-exhaustion",
                        "{\"reason\":\"" + "r".repeat(501) + "\"}", 400, "VALIDATION"),
                post("an unknown exhaustion field", "/api/v1/instances/{id}/quota-exhaustion", "{\"when\":\"now\"}", 400,
                        "VALIDATION"),
                // instants in reads
                get("asOf of month 13", "/api/v1/instances/{id}?asOf=2026-13-01T00:00:00Z", 400, "VALIDATION"),
                get("asOf with an offset", "/api/v1/instances/{id}?asOf=2026-06-01T00:00:00%2B02:00", 400, "VALIDATION"),
                get("asOf without a zone", "/api/v1/instances/{id}?asOf=2026-06-01T00:00:00", 400, "VALIDATION"),
                get("asOf as a date", "/api/v1/instances/{id}?asOf=2026-06-01", 400, "VALIDATION"),
                get("asOf as epoch seconds", "/api/v1/customers/hostile/ledger?asOf=1780000000", 400, "VALIDATION"),
                get("dueBefore as a word", "/api/v1/releases?dueBefore=soon", 400, "VALIDATION"),
                get("dueBefore with an offset", "/api/v1/releases?dueBefore=2026-06-01T00:00:00-05:00", 400,
                        "VALIDATION"),
                get("minPosition as letters", "/api/v1/instances/{id}?minPosition=abc", 400, "VALIDATION"),
                get("minPosition with a fraction", "/api/v1/releases?minPosition=1.5", 400, "VALIDATION"),
                get("a quote without a customer", "/api/v1/quotes/purchase?images=2500000&qps=5", 400, "VALIDATION"),
                get("a quote for 0 months", "/api/v1/quotes/renewal?instanceId={id}&months=0", 400, "VALIDATION"),
                get("a quote with images as letters", "/api/v1/quotes/package-change?instanceId={id}&images=x&qps=5",
                        400, "VALIDATION"),
                // custom quotes and quote ids
                post("a quote price with three decimals", "/api/v1/custom-quotes", quote("\"30000.001\"", "USD"), 400,
                        "VALIDATION"),
                post("a quote price in euros", "/api/v1/custom-quotes", quote("\"30000.00\"", "EUR"), 400,
                        "VALIDATION"),
                post("a quote price as letters", "/api/v1/custom-quotes", quote("\"lots\"", "USD"), 400,
                        "VALIDATION"),
                post("a quote price as a boolean", "/api/v1/custom-quotes", quote("true", "USD"), 400, "VALIDATION"),
                post("a quote price of zero", "/api/v1/custom-quotes", quote("\"0.00\"", "USD"), 400, "VALIDATION"),
                post("a quote price beyond a billion", "/api/v1/custom-quotes", quote("\"1000000000.01\"", "USD"), 400,
                        "VALIDATION"),
                post("a quote price beyond a numeric column", "/api/v1/custom-quotes",
                        quote("\"99999999999999999999999.00\"", "USD"), 400, "VALIDATION"),
                post("a quote with deleteQps 0", "/api/v1/custom-quotes", "{\"customerId\":\"h\",\"images\":90000000,"
                        + "\"qps\":10,\"deleteQps\":0,\"monthlyPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"},"
                        + "\"validUntil\":\"2099-01-01T00:00:00Z\"}", 400, "VALIDATION"),
                post("a quote valid until a date without a zone", "/api/v1/custom-quotes", "{\"customerId\":\"h\","
                        + "\"images\":90000000,\"qps\":10,\"monthlyPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"},"
                        + "\"validUntil\":\"2099-01-01T00:00:00\"}", 400, "VALIDATION"),
                post("a quote without a price", "/api/v1/custom-quotes", "{\"customerId\":\"h\",\"images\":90000000,"
                        + "\"qps\":10,\"validUntil\":\"2099-01-01T00:00:00Z\"}", 400, "VALIDATION"),
                purchase("a quoteId and a size", "{" + ok + ",\"quoteId\":\"quote-1\"}", 400, "VALIDATION"),
                purchase("a quoteId with a slash", "{\"customerId\":\"h\",\"quoteId\":\"../quote\"}", 400,
                        "VALIDATION"),
                purchase("a quoteId as a number", "{\"customerId\":\"h\",\"quoteId\":42}", 400, "VALIDATION"),
                get("custom quotes without a customer", "/api/v1/custom-quotes", 400, "VALIDATION"),
                get("notifications without a customer", "/api/v1/notifications", 400, "VALIDATION"),
                // payments (refused as bad input before anyone asks whether payments are on)
                post("a payment of zero", "/api/v1/payments", payment("\"0.00\"", "\"wire-1\""), 400, "VALIDATION"),
                post("a negative payment", "/api/v1/payments", payment("\"-5.00\"", "\"wire-1\""), 400, "VALIDATION"),
                post("a payment with three decimals", "/api/v1/payments", payment("\"5.001\"", "\"wire-1\""), 400,
                        "VALIDATION"),
                post("a payment without a reference", "/api/v1/payments", payment("\"5.00\"", "null"), 400,
                        "VALIDATION"),
                post("a blank payment reference", "/api/v1/payments", payment("\"5.00\"", "\"  \""), 400,
                        "VALIDATION"),
                post("a payment reference of 201 characters", "/api/v1/payments",
                        payment("\"5.00\"", "\"" + "r".repeat(201) + "\""), 400, "VALIDATION"),
                // the test clock
                post("a negative clock advance", "/api/v1/admin/clock", "{\"advance\":\"-P1D\"}", 400, "VALIDATION"),
                post("a zero clock advance", "/api/v1/admin/clock", "{\"advance\":\"P0D\"}", 400, "VALIDATION"),
                post("an advance in months", "/api/v1/admin/clock", "{\"advance\":\"P1M\"}", 400, "VALIDATION"),
                post("an advance as a word", "/api/v1/admin/clock", "{\"advance\":\"tomorrow\"}", 400, "VALIDATION"),
                post("both now and advance", "/api/v1/admin/clock",
                        "{\"now\":\"2030-01-01T00:00:00Z\",\"advance\":\"P1D\"}", 400, "VALIDATION"),
                post("neither now nor advance", "/api/v1/admin/clock", "{}", 400, "VALIDATION"),
                post("now without a zone", "/api/v1/admin/clock", "{\"now\":\"2030-01-01T00:00:00\"}", 400,
                        "VALIDATION")));
        return cases;
    }

    @BeforeEach
    void anInstance() {
        if (instance == null) {
            instance = purchased("hostile", 2_500_000, 5, false);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedRequestIsRefusedPlainlyAndChangesNothing(Case hostile) {
        long eventsBefore = events.all();
        String path = hostile.path().replace("{id}", instance);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        request.method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(hostile.body()));

        LedgerClient.Answer answer = ledger.send(request);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(hostile.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(hostile.code());
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.")
                .doesNotContain("com.fasterxml").doesNotContain("\tat ");
        assertThat(events.all()).as("events after " + hostile.name()).isEqualTo(eventsBefore);
    }
}
