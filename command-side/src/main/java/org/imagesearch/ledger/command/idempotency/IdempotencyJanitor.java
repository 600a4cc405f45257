package org.imagesearch.ledger.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Forgets idempotency keys once their window has passed, every hour. */
public class IdempotencyJanitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyJanitor.class);

    private final IdempotentRequests requests;
    private ScheduledExecutorService scheduler;

    public IdempotencyJanitor(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-janitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int purged = requests.purge();
                if (purged > 0) {
                    log.debug("Forgot {} idempotency keys older than {}", purged, IdempotentRequests.WINDOW);
                }
            } catch (RuntimeException e) {
                log.warn("Could not forget old idempotency keys; trying again in an hour: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
