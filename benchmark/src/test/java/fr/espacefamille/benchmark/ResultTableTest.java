package fr.espacefamille.benchmark;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed table: a cell and a verdict per target, the latency growth only across sizes. */
class ResultTableTest {

    @Test
    void aSingleSizeHasNoLatencyGrowthToJudge() {
        String table = print(List.of(point(10_000, 100_000)));

        assertThat(table).doesNotContain("p50 (1 caller) /").doesNotContain("p50 at 10,000 <=");
        assertThat(table).contains("replay >= 0.5 x raw scan").contains("appends >= 0.5 x raw inserts, 1 caller");
    }

    @Test
    void theLatencyAtTheLargestSizeIsJudgedAgainstTheSmallest() {
        String table = print(List.of(point(10_000, 100_000), point(1_000_000, 200_000)));

        assertThat(table).contains("p50 (1 caller) / p50 at 10,000")
                         .contains("2.00 FAIL")
                         .containsPattern("p50 at 1,000,000 <= 1.5 x p50 at 10,000 +FAIL at 1,000,000");
    }

    private static String print(List<PointResult> points) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResultTable(points, 16).print(new PrintStream(out, true, StandardCharsets.UTF_8), List.of("header"));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A point whose single caller's appends each took {@code nanos}; everything else even. */
    private static PointResult point(long size, long nanos) {
        Callers.Timing timing = new Callers.Timing(10, 10 * nanos, new long[] {nanos, nanos, nanos, nanos, nanos,
                nanos, nanos, nanos, nanos, nanos});
        Measurements.Rate rate = new Measurements.Rate(1_000, 1_000_000);
        return new PointResult(size, size, size, 1_000_000, timing, timing, timing, timing, rate, rate, -1);
    }
}
