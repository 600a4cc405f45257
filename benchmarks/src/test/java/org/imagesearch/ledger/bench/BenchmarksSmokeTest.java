package org.imagesearch.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness works: a tiny run of every workload on both databases writes every contract field. */
class BenchmarksSmokeTest {

    private static final Map<String, List<String>> CONTRACT = Map.of(
            "commands", List.of("ledger_per_s", "limit_per_s", "p50_ms", "p99_ms"),
            "replay", List.of("ledger_per_s", "limit_per_s", "peak_heap_mb"),
            "wave", List.of("instances", "exhaust_s", "release_s"),
            "reads", List.of("rate_per_s", "p50_ms", "p99_ms", "p999_ms"),
            "http", List.of("purchase_per_s", "upgrade_per_s", "p50_ms", "p99_ms"));

    @Test
    void aSmokeRunWritesEveryWorkloadOnBothDatabasesWithItsContractFields(@TempDir Path out) throws Exception {
        Instant started = Instant.parse("2026-11-26T12:00:00Z");
        Benchmarks.run(Sizes.of("smoke"), List.of("h2", "postgres"), Benchmarks.WORKLOADS, out,
                Clock.fixed(started, ZoneOffset.UTC));

        JsonNode latest = new ObjectMapper().readTree(out.resolve("latest.json").toFile());
        assertThat(latest.path("machine").path("cores").asInt()).isPositive();
        assertThat(latest.path("machine").path("started").asText()).isEqualTo(started.toString());
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode row : latest.path("results")) {
            String workload = row.path("workload").asText();
            seen.add(workload + "/" + row.path("db").asText());
            for (String field : CONTRACT.get(workload)) {
                assertThat(row.path(field).isNumber()).as(workload + " " + field).isTrue();
                assertThat(row.path(field).asDouble()).as(workload + " " + field).isPositive();
            }
            assertThat(row.path("met").isBoolean()).as(workload + " met").isTrue();
            if (workload.equals("commands") || workload.equals("http")) {
                assertThat(row.path("jit_settled").isBoolean()).as(workload + " jit_settled").isTrue();
                assertThat(row.path("jit_ms_measured").isIntegralNumber()).as(workload + " jit_ms_measured").isTrue();
            }
            if (workload.equals("commands")) {
                assertThat(row.path("warmup_instances").asInt() % Sizes.of("smoke").commandWarmup())
                        .as("commands warm up in whole rounds").isZero();
                assertThat(row.path("warmup_instances").asInt()).as("commands warm-up rounds")
                        .isBetween(Sizes.of("smoke").commandWarmup(),
                                JitWarmup.MAX_ROUNDS * Sizes.of("smoke").commandWarmup());
            }
            if (workload.equals("http")) {
                Sizes smoke = Sizes.of("smoke");
                assertThat(row.path("warmup_requests").asLong()).as("http warms up in whole rounds, then the "
                        + "unmeasured purchases").isBetween(2L * smoke.httpCount() + smoke.httpWarmup(),
                        JitWarmup.MAX_ROUNDS * 2L * smoke.httpCount() + smoke.httpWarmup());
                assertThat((row.path("warmup_requests").asLong() - smoke.httpWarmup()) % (2L * smoke.httpCount()))
                        .as("http warm-up rounds are whole").isZero();
            }
            if (workload.equals("reads")) {
                assertThat(row.path("allocated_kb_per_read").asDouble()).as("reads allocated_kb_per_read").isPositive();
                assertThat(row.path("gc_pauses").isIntegralNumber()).as("reads gc_pauses").isTrue();
                assertThat(row.path("gc_pause_ms").isIntegralNumber()).as("reads gc_pause_ms").isTrue();
                assertThat(row.path("floor_p99_ms").asDouble()).as("reads floor_p99_ms").isPositive();
                assertThat(row.path("floor_achieved_per_s").asDouble()).as("reads floor_achieved_per_s").isPositive();
                assertThat(row.path("floor_background_commands_per_s").isNumber())
                        .as("reads floor_background_commands_per_s").isTrue();
            }
            if (workload.equals("replay")) {
                assertThat(row.path("rebuild_limit_per_s").asDouble()).as("replay rebuild_limit_per_s").isPositive();
                assertThat(row.path("rebuild_limit_rows").asLong()).as("the raw rebuild writes a row for each the "
                        + "ledger's projections hold").isEqualTo(row.path("read_model_rows").asLong());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("commands/h2", "reads/h2", "replay/h2", "wave/h2",
                "commands/postgres", "reads/postgres", "http/postgres", "replay/postgres", "wave/postgres");
        assertThat(Files.readString(out.resolve("latest.svg"))).startsWith("<svg").contains("commands on h2")
                .contains("http on postgres");
    }
}
