package org.imagesearch.ledger.bench;

/** How big each workload is in one mode of the run. */
record Sizes(String mode, int instances, int commandWarmup, long replayEvents, int waveInstances, int readRate,
             int readWarmupSeconds, int readSeconds, int httpWarmup, int httpCount) {

    static Sizes of(String mode) {
        return switch (mode) {
            case "full" -> new Sizes(mode, 20_000, 2_500, 1_000_000, 100_000, 2_000, 45, 30, 200, 2_000);
            case "quick" -> new Sizes(mode, 1_000, 200, 50_000, 3_000, 1_000, 3, 5, 50, 300);
            case "smoke" -> new Sizes(mode, 30, 5, 1_000, 30, 50, 1, 1, 10, 20);
            default -> throw new IllegalArgumentException("Unknown mode " + mode + "; use --quick, --full or --smoke");
        };
    }

    Sizes withReplayEvents(long events) {
        return new Sizes(mode, instances, commandWarmup, events, waveInstances, readRate, readWarmupSeconds,
                readSeconds, httpWarmup, httpCount);
    }
}
