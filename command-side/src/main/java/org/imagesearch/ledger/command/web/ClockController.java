package org.imagesearch.ledger.command.web;

import org.imagesearch.ledger.api.UtcInstants;
import jakarta.servlet.http.HttpServletRequest;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.idempotency.IdempotencyKey;
import org.imagesearch.ledger.command.idempotency.IdempotentRequests;
import org.imagesearch.ledger.command.time.ClockControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static org.imagesearch.ledger.command.web.RequestFields.required;

/**
 * The test clock, present only when {@code ledger.test-clock.enabled=true}. A move returns once
 * every deadline due on the way has fired.
 */
@RestController
@ConditionalOnProperty(name = "ledger.test-clock.enabled", havingValue = "true")
@RequestMapping(path = "/api/v1/admin/clock", produces = MediaType.APPLICATION_JSON_VALUE)
public class ClockController {

    private final ClockControl control;
    private final Clock clock;
    private final IdempotentRequests idempotentRequests;

    public ClockController(ClockControl control, Clock clock, IdempotentRequests idempotentRequests) {
        this.control = control;
        this.clock = clock;
        this.idempotentRequests = idempotentRequests;
    }

    public record ClockMove(String now, String advance) {
    }

    /** {@code position}: the latest event after the move, for reads that want to see its deadlines' effects. */
    public record ClockView(Instant now, Integer instancesProcessed, Long position) {
    }

    @GetMapping
    public ClockView now() {
        return new ClockView(clock.instant(), null, null);
    }

    /**
     * With an {@code Idempotency-Key}, a repeated move answers the first one and moves nothing; the
     * key is kept after the move (the test clock is not a money path, so the two are not atomic).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ClockView move(@RequestBody ClockMove request,
                          @RequestHeader(value = IdempotencyKey.HEADER, required = false) String idempotencyKey,
                          Principal caller, HttpServletRequest http) {
        ClockMove body = required(request, "body");
        if ((body.now() == null) == (body.advance() == null)) {
            throw LedgerRejection.validation("give exactly one of now (an instant) or advance (a duration)");
        }
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(), body);
        Optional<IdempotentRequests.Outcome> earlier = key == null ? Optional.empty() : idempotentRequests.find(key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(key.requestHash())) {
                throw new LedgerRejection(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key " + key.key() + " was already used with another request");
            }
            return (ClockView) ((IdempotentRequests.Recorded) earlier.get()).result();
        }
        ClockControl.Moved moved = body.now() != null
                ? control.moveTo(UtcInstants.parse(body.now(), "now"))
                : control.advance(parseDuration(body.advance()));
        ClockView view = new ClockView(moved.now(), moved.instancesProcessed(), moved.position());
        if (key != null) {
            idempotentRequests.recorded(key, null, null, view);
        }
        return view;
    }

    private static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw LedgerRejection.validation("advance must be an ISO-8601 duration such as P16D or PT1H");
        }
    }
}
