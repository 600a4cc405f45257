package org.imagesearch.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** 200 concurrent package changes of one instance: no update lost, none counted twice. */
class ContentionTest extends LedgerHttpTest {

    private static final long[][] PACKAGES = {
            {2_500_000, 5}, {2_500_000, 10}, {5_000_000, 5}, {5_000_000, 10}, {10_000_000, 5}, {10_000_000, 10},
            {20_000_000, 5}, {30_000_000, 10}, {50_000_000, 10}};

    @Test
    void everyAnsweredChangeHasExactlyOneProrationRowAndOneLedgerEntryAndTheTotalsMatch() throws Exception {
        String customer = newCustomer("contention");
        var purchase = ledger.purchase(customer, 2_500_000, 5, false);
        String id = purchase.text("instanceId");
        ledger.advanceClock("PT1H");

        Random random = new Random(200);
        List<Callable<LedgerClient.Answer>> changes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long[] pkg = PACKAGES[random.nextInt(PACKAGES.length)];
            changes.add(() -> ledger.changePackage(id, pkg[0], (int) pkg[1]));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<LedgerClient.Answer> answers = new ArrayList<>();
        try {
            for (Future<LedgerClient.Answer> answer : pool.invokeAll(changes)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 409));
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.code()).isIn("SAME_PACKAGE", "CONCURRENT_MODIFICATION"));
        List<LedgerClient.Answer> accepted = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(accepted).hasSizeGreaterThan(150);
        long last = accepted.stream().mapToLong(a -> a.body().path("position").asLong()).max().orElseThrow();

        Map<Long, String> answeredAmounts = new HashMap<>();
        for (LedgerClient.Answer answer : accepted) {
            assertThat(answeredAmounts.put(answer.body().path("position").asLong(), answer.money("amount")))
                    .as("a position answered twice").isNull();
        }
        JsonNode prorations = ledger.get("/api/v1/instances/" + id + "/prorations?minPosition=" + last).body()
                .path("items");
        assertThat(prorations).hasSize(accepted.size());
        for (JsonNode row : prorations) {
            assertThat(row.path("amount").path("amount").asText())
                    .isEqualTo(answeredAmounts.get(row.path("position").asLong()));
        }
        JsonNode ledgerAnswer = ledger.get("/api/v1/customers/" + customer + "/ledger?minPosition=" + last).body();
        List<JsonNode> changeEntries = new ArrayList<>();
        ledgerAnswer.path("entries").forEach(entry -> {
            if (!entry.path("kind").asText().equals("PURCHASE")) {
                changeEntries.add(entry);
            }
        });
        assertThat(changeEntries).hasSize(accepted.size());
        for (JsonNode entry : changeEntries) {
            assertThat(entry.path("amount").path("amount").asText())
                    .isEqualTo(answeredAmounts.get(entry.path("position").asLong()));
        }
        BigDecimal charged = new BigDecimal("800.00");
        BigDecimal credited = BigDecimal.ZERO;
        for (String amount : answeredAmounts.values()) {
            BigDecimal value = new BigDecimal(amount);
            if (value.signum() < 0) {
                credited = credited.subtract(value);
            } else {
                charged = charged.add(value);
            }
        }
        JsonNode totals = ledgerAnswer.path("totals");
        assertThat(new BigDecimal(totals.path("charged").path("amount").asText())).isEqualByComparingTo(charged);
        assertThat(new BigDecimal(totals.path("credited").path("amount").asText())).isEqualByComparingTo(credited);
        assertThat(new BigDecimal(totals.path("net").path("amount").asText()))
                .isEqualByComparingTo(charged.subtract(credited));
    }
}
