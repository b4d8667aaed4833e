package fr.espacefamille.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's command line.
 *
 * @param sizes        store sizes to measure at, in events, smallest first
 * @param backend      the embedded server's storage: its H2 file (as the launcher runs it) or memory
 * @param operations   appends, and raw inserts, timed per point and per number of callers
 * @param replayEvents events replayed and scanned per point; 0 means the whole store
 * @param repeat       runs of each measurement per point, the fastest kept
 * @param singleWriter whether the application is the store's only writer, as the launcher is on
 *                     its embedded server (cached aggregates used without a check against the
 *                     store), or one of several nodes (one lookup per command first)
 */
record BenchmarkOptions(
        List<Long> sizes,
        Backend backend,
        int operations,
        long replayEvents,
        int repeat,
        boolean singleWriter
) {

    static final String USAGE = """
            Usage: java -Xmx8g -jar benchmark/target/benchmark.jar [options]
              --sizes=10000,100000,1000000  store sizes to measure at (k and M suffixes allowed)
              --backend=h2|memory           embedded server storage (default h2, as the launcher)
              --operations=8000             appends and raw inserts timed per point and caller count
              --replay=all|20000            events replayed and scanned per point (default all)
              --repeat=2                    runs of each measurement per point; the fastest is kept
              --single-writer=true|false    the only writer, as the launcher on its embedded
                                            server (default), or one of several command-side nodes
              --help                        this text
            """;

    /** Storage of the embedded MongoDB server. */
    enum Backend { H2, MEMORY }

    static BenchmarkOptions parse(String... args) {
        List<Long> sizes = List.of(10_000L, 100_000L, 1_000_000L);
        Backend backend = Backend.H2;
        int operations = 8_000;
        long replayEvents = 0;
        int repeat = 2;
        boolean singleWriter = true;
        for (String arg : args) {
            String[] option = arg.split("=", 2);
            String value = option.length > 1 ? option[1].trim() : "";
            switch (option[0]) {
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(BenchmarkOptions::count)
                                                .sorted().toList();
                case "--backend" -> backend = Backend.valueOf(value.toUpperCase(Locale.ROOT));
                case "--operations" -> operations = Math.toIntExact(count(value));
                case "--replay" -> replayEvents = "all".equals(value) ? 0 : count(value);
                case "--repeat" -> repeat = Math.toIntExact(count(value));
                case "--single-writer" -> singleWriter = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (sizes.isEmpty() || sizes.get(0) < 1 || operations < 16 || replayEvents < 0 || repeat < 1) {
            throw new IllegalArgumentException("Sizes and repeat must be positive, operations at least 16");
        }
        return new BenchmarkOptions(sizes, backend, operations, replayEvents, repeat, singleWriter);
    }

    static boolean wantsHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    private static long count(String text) {
        String digits = text.trim().replace("_", "").toLowerCase(Locale.ROOT);
        if (digits.endsWith("k")) {
            return Long.parseLong(digits.substring(0, digits.length() - 1)) * 1_000;
        }
        if (digits.endsWith("m")) {
            return Long.parseLong(digits.substring(0, digits.length() - 1)) * 1_000_000;
        }
        return Long.parseLong(digits);
    }
}
