package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-based purchase rules hold under concurrent requests: the database's unique keys decide. */
class ConcurrentPurchasesTest extends LedgerHttpTest {

    private List<LedgerClient.Answer> race(int requests, Callable<LedgerClient.Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<LedgerClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<LedgerClient.Answer> answers = new ArrayList<>();
            for (Future<LedgerClient.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentPurchasesOfOneCustomerInOneMonthLetExactlyOneThrough() throws Exception {
        String customer = newCustomer("race-month");

        List<LedgerClient.Answer> answers = race(12, () -> ledger.purchase(customer, 2_500_000, 5, false));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .hasSize(11)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("MONTHLY_PURCHASE_LIMIT"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_claim WHERE customer_id = ?", Long.class,
                customer)).isEqualTo(1);
    }

    @Test
    void concurrentTrialsOfOneCustomerLetExactlyOneThrough() throws Exception {
        String customer = newCustomer("race-trial");

        List<LedgerClient.Answer> answers = race(12, () -> ledger.purchase(customer, 100_000, 1, true));

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .hasSize(11)
                .allSatisfy(a -> assertThat(a.code()).isEqualTo("TRIAL_ALREADY_USED"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_claim WHERE customer_id = ?", Long.class,
                customer)).isEqualTo(1);
    }
}
