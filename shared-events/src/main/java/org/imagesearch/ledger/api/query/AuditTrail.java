package org.imagesearch.ledger.api.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Recorded events in order, each with its position, type, time, payload and metadata. */
public record AuditTrail(List<Entry> items) {

    /**
     * One recorded event: {@code occurredAt} is when it took effect by the business clock,
     * {@code recordedAt} when the store received it by the wall clock. {@code payload} is the event
     * as JSON; {@code metadata} holds {@code correlationId}, {@code caller} and {@code businessTime}
     * (the business clock when it was recorded).
     */
    public record Entry(long position, String eventId, String instanceId, String customerId, long sequence,
                        String type, String revision, Instant occurredAt, Instant recordedAt, Object payload,
                        Map<String, Object> metadata) {
    }
}
