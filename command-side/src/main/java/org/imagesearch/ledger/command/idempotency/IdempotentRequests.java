package org.imagesearch.ledger.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code idempotent_request} table: for each caller and key, the request's hash and its outcome,
 * kept for {@link #WINDOW}. Times are wall-clock: this is about clients retrying, not business time.
 */
public class IdempotentRequests {

    /** How long a key is remembered. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private static final ObjectMapper RESULTS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcTemplate jdbc;
    private final Clock wallClock;

    public IdempotentRequests(JdbcTemplate jdbc, Clock wallClock) {
        this.jdbc = jdbc;
        this.wallClock = wallClock;
    }

    /** What an earlier request with the same caller and key did. */
    public sealed interface Outcome {
        String requestHash();
    }

    /** It recorded events, the last of them {@code lastSequence} of {@code aggregateId}, and answered {@code result}. */
    public record Recorded(String requestHash, String aggregateId, Long lastSequence, Object result)
            implements Outcome {
    }

    /** It was refused. */
    public record Refused(String requestHash, RejectionCode code, String detail) implements Outcome {

        public LedgerRejection rejection() {
            return new LedgerRejection(code, detail);
        }
    }

    public Optional<Outcome> find(IdempotencyKey key) {
        return jdbc.query("SELECT request_hash, outcome, aggregate_id, last_sequence, result_type, result_json,"
                        + " refusal_code, refusal_detail FROM idempotent_request WHERE caller = ? AND idem_key = ?"
                        + " AND created_at > ?",
                (rs, row) -> "REFUSED".equals(rs.getString(2))
                        ? (Outcome) new Refused(rs.getString(1), RejectionCode.valueOf(rs.getString(7)), rs.getString(8))
                        : new Recorded(rs.getString(1), rs.getString(3), rs.getObject(4, Long.class),
                        read(rs.getString(5), rs.getString(6))),
                key.caller(), key.key(), Timestamp.from(wallClock.instant().minus(WINDOW))).stream().findFirst();
    }

    /** Records what a request did, in the caller's transaction: with the events it recorded, or not at all. */
    public void recorded(IdempotencyKey key, String aggregateId, Long lastSequence, Object result) {
        forget(key);
        jdbc.update("INSERT INTO idempotent_request (caller, idem_key, request_hash, outcome, aggregate_id, last_sequence,"
                        + " result_type, result_json, created_at) VALUES (?, ?, ?, 'RECORDED', ?, ?, ?, ?, ?)",
                key.caller(), key.key(), key.requestHash(), aggregateId, lastSequence,
                result == null ? null : result.getClass().getName(), write(result),
                Timestamp.from(wallClock.instant()));
    }

    /** Records a refusal; a concurrent twin that got there first is as good. */
    public void refused(IdempotencyKey key, LedgerRejection rejection) {
        try {
            forget(key);
            jdbc.update("INSERT INTO idempotent_request (caller, idem_key, request_hash, outcome, refusal_code,"
                            + " refusal_detail, created_at) VALUES (?, ?, ?, 'REFUSED', ?, ?, ?)",
                    key.caller(), key.key(), key.requestHash(), rejection.code().name(),
                    truncate(rejection.getMessage()), Timestamp.from(wallClock.instant()));
        } catch (DuplicateKeyException twin) {
            // the same request, refused or recorded by a concurrent twin
        }
    }

    /** Drops what was remembered longer than the window ago. */
    public int purge() {
        return jdbc.update("DELETE FROM idempotent_request WHERE created_at <= ?",
                Timestamp.from(wallClock.instant().minus(WINDOW)));
    }

    /** A key used again after its window is a new key. */
    private void forget(IdempotencyKey key) {
        jdbc.update("DELETE FROM idempotent_request WHERE caller = ? AND idem_key = ? AND created_at <= ?",
                key.caller(), key.key(), Timestamp.from(wallClock.instant().minus(WINDOW)));
    }

    private static String write(Object result) {
        try {
            return result == null ? null : RESULTS.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the result of an idempotent request", e);
        }
    }

    private static Object read(String type, String json) {
        if (type == null || json == null) {
            return null;
        }
        try {
            return RESULTS.readValue(json, Class.forName(type));
        } catch (JsonProcessingException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read back the result of an idempotent request", e);
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
