package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Every POST takes an Idempotency-Key: a retry answers what the first request did and changes nothing. */
class IdempotencyTest extends LedgerHttpTest {

    private LedgerClient.Answer post(String key, String path, String json) {
        return post(ledger, key, path, json);
    }

    private LedgerClient.Answer post(LedgerClient client, String key, String path, String json) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void theSameKeyWithTheSameRequestAnswersTheFirstAnswerAndRecordsOnce() {
        String key = key();
        String customer = newCustomer("idem");
        String body = "{\"customerId\":\"" + customer + "\",\"images\":2500000,\"qps\":5}";
        long before = events.all();

        var first = post(key, "/api/v1/instances", body);
        var again = post(key, "/api/v1/instances", "{ \"qps\": 5, \"images\": 2500000, \"customerId\": \"" + customer + "\" }");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(events.all()).as("one purchase, recorded once").isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWith422() {
        String key = key();
        String id = purchased("idem-other", 2_500_000, 5, false);
        assertThat(post(key, "/api/v1/instances/" + id + "/renewals", "{\"months\":1}").status()).isEqualTo(200);
        long before = events.all();

        var reused = post(key, "/api/v1/instances/" + id + "/renewals", "{\"months\":2}");

        assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(events.all()).isEqualTo(before);
        assertProblem(post(key, "/api/v1/instances/" + id + "/quota-exhaustion", "{\"reason\":\"x\"}"), 422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRefusalIsAnsweredAgainEvenOnceTheRequestWouldNowSucceed() {
        String key = key();
        String id = purchased("idem-refused", 100_000, 1, true);
        var refused = post(key, "/api/v1/instances/" + id + "/renewals", "{\"months\":1}");
        assertProblem(refused, 409, "TRIAL_NOT_RENEWABLE");
        assertThat(ledger.changePackage(id, 2_500_000, 5).status()).isEqualTo(200);   // no longer a trial
        long before = events.all();

        var again = post(key, "/api/v1/instances/" + id + "/renewals", "{\"months\":1}");

        assertProblem(again, 409, "TRIAL_NOT_RENEWABLE");
        assertThat(events.all()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = key();
        String id = purchased("idem-callers", 2_500_000, 5, false);
        var byOperator = post(key, "/api/v1/instances/" + id + "/renewals", "{\"months\":1}");
        var byService = post(new LedgerClient(port, TestKeys.SERVICE), key, "/api/v1/instances/" + id + "/renewals",
                "{\"months\":1}");

        assertThat(byOperator.status()).isEqualTo(200);
        assertThat(byService.status()).isEqualTo(200);
        assertThat(byService.text("termStart")).as("a second renewal, after the first").isEqualTo(
                byOperator.text("termEnd"));
    }

    @Test
    void concurrentRequestsWithOneKeyTakeEffectOnce() throws Exception {
        String key = key();
        String id = purchased("idem-race", 2_500_000, 5, false);
        long before = events.of(id);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<LedgerClient.Answer> answers = new ArrayList<>();
        try {
            List<Callable<LedgerClient.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> post(key, "/api/v1/instances/" + id + "/renewals", "{\"months\":3}"));
            }
            for (Future<LedgerClient.Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(answers).extracting(LedgerClient.Answer::body).containsOnly(answers.get(0).body());
        assertThat(events.of(id)).as("one renewal").isEqualTo(before + 1);
    }

    @Test
    void aClockMoveWithAKeyMovesOnce() {
        String key = key();
        var first = post(key, "/api/v1/admin/clock", "{\"advance\":\"PT1H\"}");
        var again = post(key, "/api/v1/admin/clock", "{\"advance\":\"PT1H\"}");

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ledger.get("/api/v1/admin/clock").text("now")).isEqualTo(first.text("now"));
    }

    @Test
    void aMalformedKeyIsRefused() {
        assertProblem(post("bad key with spaces", "/api/v1/instances",
                "{\"customerId\":\"" + newCustomer("k") + "\",\"images\":2500000,\"qps\":5}"), 400, "VALIDATION");
    }
}
