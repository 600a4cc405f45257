package org.imagesearch.ledger.query.progress;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each projection has got. Segments this node works on are read from the processor itself;
 * the others from the token table that every node shares, so the answer covers the whole cluster.
 */
public class ProjectionProgress {

    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final TokenSchema tokens;
    private final EventSchema events;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Map<String, Map<String, Boolean>> handled = new ConcurrentHashMap<>();

    public ProjectionProgress(JdbcTemplate jdbc, TokenSchema tokens, EventSchema events, Serializer serializer,
                              EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.events = events;
        this.serializer = serializer;
        this.processing = processing;
    }

    /** One segment: its token (null until first claimed), its owner, and whether this node is working on it. */
    public record SegmentProgress(int segment, TrackingToken token, String owner, boolean local) {

        /** Where a replay of this segment ends, if it is in one. */
        Optional<Long> replayEndsAt() {
            if (token instanceof ReplayToken replay && replay.getTokenAtReset() != null) {
                return Optional.of(replay.getTokenAtReset().position().orElse(0));
            }
            return Optional.empty();
        }

        public long position() {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            return lower == null ? 0 : lower.position().orElse(0);
        }

        /** Every event at or below this position has been seen by this segment: gaps are still open above it. */
        long settledUpTo() {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lower instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
                return Math.min(gapAware.getIndex(), gapAware.getGaps().first() - 1);
            }
            return position();
        }

        boolean covers(long position) {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (lower instanceof GapAwareTrackingToken gapAware) {
                return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
            }
            return lower != null && lower.position().orElse(-1) >= position;
        }
    }

    public List<SegmentProgress> segments(String processor) {
        Map<Integer, EventTrackerStatus> local = streaming(processor)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        return jdbc.query("SELECT " + tokens.segmentColumn() + ", " + tokens.tokenColumn() + ", "
                        + tokens.tokenTypeColumn() + ", " + tokens.ownerColumn() + " FROM " + tokens.tokenTable()
                        + " WHERE " + tokens.processorNameColumn() + " = ? ORDER BY " + tokens.segmentColumn(),
                (rs, row) -> {
                    int segment = rs.getInt(1);
                    EventTrackerStatus status = local.get(segment);
                    TrackingToken token = status != null && status.getTrackingToken() != null
                            ? status.getTrackingToken() : token(rs.getBytes(2), rs.getString(3));
                    return new SegmentProgress(segment, token, rs.getString(4), status != null);
                },
                processor);
    }

    /**
     * Whether the projection has handled every event up to {@code position} that it handles at all:
     * each such event is checked against the segment it belongs to. Events of kinds the projection
     * ignores are not waited for.
     */
    public boolean reached(String processor, long position) {
        List<SegmentProgress> segments = segments(processor);
        if (segments.isEmpty()) {
            return false;
        }
        int[] ids = segments.stream().mapToInt(SegmentProgress::segment).toArray();
        long from = segments.stream().mapToLong(SegmentProgress::settledUpTo).min().orElse(0);
        for (RecordedEvent event : eventsBetween(from, position)) {
            if (!handles(processor, event.payloadType())) {
                continue;
            }
            boolean handled = segments.stream()
                    .filter(segment -> Segment.computeSegment(segment.segment(), ids).matches(event.aggregateId()))
                    .allMatch(segment -> segment.covers(event.position()));
            if (!handled) {
                return false;
            }
        }
        return true;
    }

    /** The lowest position any segment has reached. */
    public long position(String processor) {
        return segments(processor).stream().mapToLong(SegmentProgress::position).min().orElse(0);
    }

    /**
     * How many events after {@code position} this projection still has to handle: events of kinds it
     * ignores do not count, since it never sees them. One grouped count over the range.
     */
    public long relevantEventsAfter(String processor, long position) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT " + events.payloadTypeColumn() + ", COUNT(*) FROM " + events.domainEventTable()
                        + " WHERE " + events.globalIndexColumn() + " > ? GROUP BY " + events.payloadTypeColumn(),
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), position);
        return counts.entrySet().stream().filter(count -> handles(processor, count.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Whether a replay of this projection is still rebuilding: some segment has events of the kinds
     * the projection handles left before the position at which the replay was started.
     */
    public boolean replaying(String processor) {
        return segments(processor).stream().anyMatch(segment -> segment.replayEndsAt()
                .filter(end -> segment.position() < end && anyRelevantBetween(processor, segment.position(), end))
                .isPresent());
    }

    /**
     * Whether an event this projection handles lies in (after, upTo]: read in order, a page at a time,
     * stopping at the first one. While a replay runs that is the next event, so checking costs one
     * short read whatever the size of the store.
     */
    private boolean anyRelevantBetween(String processor, long after, long upTo) {
        long from = after;
        while (from < upTo) {
            List<RecordedEvent> page = jdbc.query("SELECT " + events.globalIndexColumn() + ", "
                            + events.payloadTypeColumn() + " FROM " + events.domainEventTable() + " WHERE "
                            + events.globalIndexColumn() + " > ? AND " + events.globalIndexColumn() + " <= ? ORDER BY "
                            + events.globalIndexColumn() + " LIMIT " + PAGE,
                    (rs, row) -> new RecordedEvent(rs.getLong(1), null, rs.getString(2)), from, upTo);
            if (page.stream().anyMatch(event -> handles(processor, event.payloadType()))) {
                return true;
            }
            if (page.size() < PAGE) {
                return false;
            }
            from = page.get(page.size() - 1).position();
        }
        return false;
    }

    private record RecordedEvent(long position, String aggregateId, String payloadType) {
    }

    private List<RecordedEvent> eventsBetween(long after, long upTo) {
        return jdbc.query("SELECT " + events.globalIndexColumn() + ", " + events.aggregateIdentifierColumn() + ", "
                        + events.payloadTypeColumn() + " FROM " + events.domainEventTable() + " WHERE "
                        + events.globalIndexColumn() + " > ? AND " + events.globalIndexColumn() + " <= ? ORDER BY "
                        + events.globalIndexColumn(),
                (rs, row) -> new RecordedEvent(rs.getLong(1), rs.getString(2), rs.getString(3)), after, upTo);
    }

    private boolean handles(String processor, String payloadType) {
        return handled.computeIfAbsent(processor, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(payloadType, type -> decideHandles(processor, type));
    }

    private boolean decideHandles(String processor, String payloadType) {
        Optional<AbstractEventProcessor> local = processing.eventProcessor(processor, AbstractEventProcessor.class);
        if (local.isEmpty()) {
            return true;
        }
        try {
            Class<?> type = Class.forName(payloadType, false, getClass().getClassLoader());
            return local.get().eventHandlerInvoker().canHandleType(type);
        } catch (ClassNotFoundException e) {
            return true;
        }
    }

    private Optional<StreamingEventProcessor> streaming(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }
}
