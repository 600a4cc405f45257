package org.imagesearch.ledger.api.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Recorded events in order, each with its position, type, time, payload and metadata. */
public record AuditTrail(List<Entry> items) {

    /**
     * One recorded event. {@code payload} is the event as JSON; {@code metadata} holds at least
     * {@code correlationId} and {@code caller}.
     */
    public record Entry(long position, String eventId, String instanceId, String customerId, long sequence,
                        String type, String revision, Instant recordedAt, Object payload,
                        Map<String, Object> metadata) {
    }
}
