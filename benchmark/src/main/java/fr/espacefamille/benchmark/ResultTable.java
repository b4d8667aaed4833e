package fr.espacefamille.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Prints the points side by side, one column per store size, with each target beside the
 * figures it judges and PASS or FAIL in every cell it applies to, then a verdict per target.
 */
final class ResultTable {

    static final double MIN_APPEND_RATIO = 0.5;
    static final double MAX_LATENCY_GROWTH = 1.5;
    static final double MIN_REPLAY_RATIO = 0.5;
    private static final String LABEL = "%-36s";
    private static final String CELL = "%14s";

    private final List<PointResult> points;
    private final int manyCallers;
    private final List<String> verdicts = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    ResultTable(List<PointResult> points, int manyCallers) {
        this.points = points;
        this.manyCallers = manyCallers;
    }

    /** Prints the table; returns whether every target passed. */
    boolean print(PrintStream stream, List<String> header) {
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        row("", point -> count(point.size()), "target");
        section("store");
        row("  events when measured", point -> count(point.storedEvents()), "");
        row("  appended by the filler", point -> count(point.filledEvents()), "");
        row("  fill rate, events/s", point -> count(fillRate(point)), "");
        row("  data folder, MB", point -> point.dataBytes() < 0 ? "-" : count(point.dataBytes() >> 20), "");
        appends("1 caller", PointResult::gatewayOne, PointResult::rawOne, PointResult::ratioOne);
        appends(manyCallers + " callers", PointResult::gatewayMany, PointResult::rawMany,
                PointResult::ratioMany);
        latencyGrowth();
        section("replay and scan");
        row("  events replayed", point -> count(point.replay().count()), "");
        row("  projection replay, events/s", point -> count(point.replay().perSecond()), "");
        row("  documents scanned", point -> count(point.scan().count()), "");
        row("  raw scan, documents/s", point -> count(point.scan().perSecond()), "");
        judged("  replay / scan", PointResult::replayRatio, ratio -> ratio >= MIN_REPLAY_RATIO,
               ">= " + decimal(MIN_REPLAY_RATIO), "replay >= 0.5 x raw scan");
        out.append('\n').append("Targets\n");
        verdicts.forEach(verdict -> out.append("  ").append(verdict).append('\n'));
        stream.print(out);
        stream.flush();
        return verdicts.stream().noneMatch(verdict -> verdict.contains("FAIL"));
    }

    private void appends(String callers, Function<PointResult, Callers.Timing> gateway,
                         Function<PointResult, Callers.Timing> raw, ToDoubleFunction<PointResult> ratio) {
        section("appends, " + callers);
        row("  gateway appends/s", point -> count(gateway.apply(point).perSecond()), "");
        row("  raw insertOne/s", point -> count(raw.apply(point).perSecond()), "");
        judged("  gateway / raw", ratio, value -> value >= MIN_APPEND_RATIO, ">= " + decimal(MIN_APPEND_RATIO),
               "appends >= 0.5 x raw inserts, " + callers);
        row("  gateway latency p50, ms", point -> decimal(gateway.apply(point).percentileMillis(50)), "");
        row("  gateway latency p99, ms", point -> decimal(gateway.apply(point).percentileMillis(99)), "");
    }

    /** The p50 of one caller at each size against the p50 at the smallest size; nothing to judge at one size. */
    private void latencyGrowth() {
        if (points.size() < 2) {
            return;
        }
        double base = points.get(0).gatewayOne().percentileMillis(50);
        String smallest = count(points.get(0).size());
        judged("  p50 (1 caller) / p50 at " + smallest,
               point -> point.gatewayOne().percentileMillis(50) / base,
               growth -> growth <= MAX_LATENCY_GROWTH, "<= " + decimal(MAX_LATENCY_GROWTH),
               "p50 at " + count(points.get(points.size() - 1).size()) + " <= 1.5 x p50 at " + smallest);
    }

    private void judged(String label, ToDoubleFunction<PointResult> value, DoublePredicate passes,
                        String target, String verdictName) {
        List<String> failed = new ArrayList<>();
        row(label, point -> {
            double figure = value.applyAsDouble(point);
            boolean ok = passes.test(figure);
            if (!ok) {
                failed.add(count(point.size()));
            }
            return decimal(figure) + (ok ? " PASS" : " FAIL");
        }, target);
        verdicts.add("%-58s %s".formatted(verdictName,
                                          failed.isEmpty() ? "PASS" : "FAIL at " + String.join(", ", failed)));
    }

    private void section(String title) {
        out.append(title).append('\n');
    }

    private void row(String label, Function<PointResult, String> cell, String target) {
        out.append(LABEL.formatted(label));
        points.forEach(point -> out.append(CELL.formatted(cell.apply(point))));
        out.append("   ").append(target).append('\n');
    }

    private static double fillRate(PointResult point) {
        return point.fillNanos() == 0 ? 0 : point.filledEvents() * 1e9 / point.fillNanos();
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
