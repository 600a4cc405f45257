package org.imagesearch.ledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read of a read model opens no transaction: no connection a request thread borrows for a read
 * leaves auto-commit or commits, which on PostgreSQL was one more round trip per read
 * (docs/benchmarks.md, "reads").
 */
class ReadsTakeNoTransactionTest {

    @Test
    void readsOfAnInstanceAndOfALedgerCommitNothing() {
        TestDatabase.Target database = TestDatabase.create("reads-no-transaction");
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--server.port=0");
        TransactionsCounted counted = new TransactionsCounted();
        try (ConfigurableApplicationContext ledgerApp = new SpringApplicationBuilder(LedgerApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counted.watching()))
                .run(arguments.toArray(String[]::new))) {
            LedgerClient ledger = new LedgerClient(Integer.parseInt(
                    ledgerApp.getEnvironment().getProperty("local.server.port")));
            var bought = ledger.purchase("no-transaction", 2_500_000, 5, false);
            assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
            String id = bought.text("instanceId");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(ledger.instance(id).status()).isEqualTo(200));
            int commitsBefore = counted.requestCommits.get();
            int borrowedBefore = counted.requestBorrows.get();

            for (int i = 0; i < 10; i++) {
                assertThat(ledger.instance(id).status()).isEqualTo(200);
                assertThat(ledger.get("/api/v1/customers/no-transaction/ledger").status()).isEqualTo(200);
            }

            assertThat(counted.requestBorrows.get() - borrowedBefore).as("connections the reads borrowed")
                    .isGreaterThanOrEqualTo(20);
            assertThat(counted.requestCommits.get() - commitsBefore).as("transactions the reads began or committed")
                    .isZero();
        }
    }

    /** Counts, on request threads, the connections borrowed and the transactions begun or committed on them. */
    static final class TransactionsCounted {

        final AtomicInteger requestBorrows = new AtomicInteger();
        final AtomicInteger requestCommits = new AtomicInteger();

        private static boolean onRequestThread() {
            return Thread.currentThread().getName().startsWith("http-nio");
        }

        ConnectionsWatched watching() {
            return new ConnectionsWatched(() -> {
                if (onRequestThread()) {
                    requestBorrows.incrementAndGet();
                }
                return (method, arguments) -> {
                    boolean beginsOrCommits = method.getName().equals("commit")
                            || method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(arguments[0]);
                    if (beginsOrCommits && onRequestThread()) {
                        requestCommits.incrementAndGet();
                    }
                };
            });
        }
    }
}
