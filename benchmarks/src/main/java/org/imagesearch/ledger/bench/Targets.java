package org.imagesearch.ledger.bench;

import java.util.List;
import java.util.Map;

/**
 * The targets of issue 7, checked against one result row: it gains {@code target} (what was asked)
 * and {@code met}, and says which bars its chart shows beside which reference.
 */
final class Targets {

    static final double COMMANDS_RATIO = 0.5;
    static final double REPLAY_RATIO = 0.5;
    static final double REPLAY_HEAP_MB = 512;
    static final double WAVE_SECONDS_PER_100K = 60;
    static final double READS_P99_MS = 5;
    static final double HTTP_PER_S = 1_250;
    static final double HTTP_P99_MS = 20;

    /** A bar of the chart, and the reference line it is drawn against. */
    record Bar(String label, double value, String unit) {
    }

    record Chart(List<Bar> bars, Bar reference) {
    }

    private Targets() {
    }

    static void judge(Map<String, Object> row) {
        switch ((String) row.get("workload")) {
            case "commands" -> {
                double ratio = number(row, "ledger_per_s") / number(row, "limit_per_s");
                row.put("ratio", Timing.round(ratio));
                row.put("target", "ledger_per_s >= " + COMMANDS_RATIO + " x limit_per_s");
                row.put("met", ratio >= COMMANDS_RATIO);
            }
            case "replay" -> {
                double ratio = number(row, "ledger_per_s") / number(row, "limit_per_s");
                row.put("ratio", Timing.round(ratio));
                row.put("target", "ledger_per_s >= " + REPLAY_RATIO + " x limit_per_s, peak_heap_mb <= "
                        + (int) REPLAY_HEAP_MB);
                row.put("met", ratio >= REPLAY_RATIO && number(row, "peak_heap_mb") <= REPLAY_HEAP_MB);
            }
            case "wave" -> {
                double target = waveTarget(row);
                row.put("target", "exhaust_s <= " + target + " (60 s per 100,000 instances)");
                row.put("met", number(row, "exhaust_s") <= target);
            }
            case "reads" -> {
                row.put("target", "p99_ms <= " + READS_P99_MS + " at rate_per_s");
                row.put("met", number(row, "p99_ms") <= READS_P99_MS
                        && number(row, "achieved_per_s") >= 0.95 * number(row, "rate_per_s"));
            }
            case "http" -> {
                row.put("target", "purchase_per_s and upgrade_per_s >= " + (int) HTTP_PER_S + ", p99_ms <= "
                        + HTTP_P99_MS);
                row.put("met", number(row, "purchase_per_s") >= HTTP_PER_S
                        && number(row, "upgrade_per_s") >= HTTP_PER_S && number(row, "p99_ms") <= HTTP_P99_MS);
            }
            default -> throw new IllegalArgumentException("Unknown workload " + row.get("workload"));
        }
    }

    static Chart chart(Map<String, Object> row) {
        return switch ((String) row.get("workload")) {
            case "commands" -> new Chart(List.of(new Bar("ledger", number(row, "ledger_per_s"), "commands/s")),
                    new Bar("raw JDBC limit", number(row, "limit_per_s"), "commands/s"));
            case "replay" -> new Chart(List.of(new Bar("ledger", number(row, "ledger_per_s"), "events/s"),
                    new Bar("raw rebuild", number(row, "rebuild_limit_per_s"), "events/s")),
                    new Bar("raw scan limit", number(row, "limit_per_s"), "events/s"));
            case "wave" -> new Chart(List.of(new Bar("exhaust", number(row, "exhaust_s"), "s"),
                    new Bar("release", number(row, "release_s"), "s")),
                    new Bar("target", waveTarget(row), "s"));
            case "reads" -> new Chart(List.of(new Bar("p50", number(row, "p50_ms"), "ms"),
                    new Bar("p99", number(row, "p99_ms"), "ms"), new Bar("p99.9", number(row, "p999_ms"), "ms"),
                    new Bar("catalog p99", number(row, "floor_p99_ms"), "ms")),
                    new Bar("target p99", READS_P99_MS, "ms"));
            case "http" -> new Chart(List.of(new Bar("purchases", number(row, "purchase_per_s"), "/s"),
                    new Bar("upgrades", number(row, "upgrade_per_s"), "/s")),
                    new Bar("target", HTTP_PER_S, "/s"));
            default -> throw new IllegalArgumentException("Unknown workload " + row.get("workload"));
        };
    }

    private static double waveTarget(Map<String, Object> row) {
        return Timing.round(WAVE_SECONDS_PER_100K * number(row, "instances") / 100_000);
    }

    static double number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }
}
