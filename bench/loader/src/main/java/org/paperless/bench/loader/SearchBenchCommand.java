package org.paperless.bench.loader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.index.SearchIndex;
import org.paperless.bench.corpus.CorpusGenerator;
import org.paperless.bench.corpus.GeneratedDocument;

/**
 * Search and autocomplete latency from inside the instance (no ssh round trip in the figures), over a fixed
 * query mix drawn from the same generated corpus: single words, phrases, field filters, date ranges.
 */
@Service
@Command(scope = "paperless-bench", name = "search", description = "Time a fixed mix of searches and completions (benchmarks only)")
public class SearchBenchCommand implements Action {

    @Option(name = "--seed")
    long seed = 42;

    @Option(name = "--rounds")
    int rounds = 4;

    /** Optional: a missing mandatory reference would hide this bundle's other commands too. */
    @Reference(optional = true)
    SearchIndex index;

    @Override
    public Object execute() throws Exception {
        if (index == null) {
            throw new IllegalStateException("The search index is not running");
        }
        Map<String, List<String>> mix = queries();
        Random random = new Random(seed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String first = mix.values().iterator().next().get(0);
        long t0 = System.nanoTime();
        index.search(first, 0, 25);
        System.out.printf(Locale.ROOT, "first search since the index was opened or changed: %.3f ms%n",
                (System.nanoTime() - t0) / 1e6);
        // Every query once before measuring: the figures are those of a warm instance, not of the compiler
        // still translating the search code (which shares the cores with the searches meanwhile).
        for (List<String> queries : mix.values()) {
            for (String q : queries) {
                index.search(q, 0, 25);
            }
        }
        List<Long> all = new ArrayList<>();
        List<Long> allCpu = new ArrayList<>();
        for (Map.Entry<String, List<String>> kind : mix.entrySet()) {
            List<Long> times = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            long hits = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : kind.getValue()) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    hits += index.search(q, 0, 25).total();
                    times.add(System.nanoTime() - w0);
                    cpu.add(threads.getCurrentThreadCpuTime() - c0);
                }
            }
            all.addAll(times);
            allCpu.addAll(cpu);
            report("search " + kind.getKey(), times, cpu, " (avg " + hits / times.size() + " matches)");
        }
        report("search, whole mix", all, allCpu, "");
        List<Long> completions = new ArrayList<>();
        List<String> prefixes = mix.get("single word").stream()
                .map(w -> w.substring(0, Math.min(w.length(), 2 + random.nextInt(3)))).toList();
        for (String p : prefixes) {
            index.autocomplete(p, 10);
        }
        for (int r = 0; r < rounds; r++) {
            for (String p : prefixes) {
                long w0 = System.nanoTime();
                index.autocomplete(p, 10);
                completions.add(System.nanoTime() - w0);
            }
        }
        report("autocomplete (2-4 letters, top 10)", completions, null, "");
        return null;
    }

    /**
     * Percentiles of the time from call to answer; with the search thread's CPU time beside them, what the
     * search itself cost apart from waiting for a core or for the collector.
     */
    private static void report(String what, List<Long> nanos, List<Long> cpuNanos, String extra) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        String cpu = "";
        if (cpuNanos != null) {
            long[] c = cpuNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            cpu = String.format(Locale.ROOT, "  (CPU p50 %.3f, p99 %.3f ms)", c[c.length / 2] / 1e6,
                    c[(int) (c.length * 0.99)] / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-36s %6d queries  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%s%s%n", what,
                sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, cpu, extra);
    }

    /** 250 queries of each kind, from the first 2000 generated documents. */
    private Map<String, List<String>> queries() {
        CorpusGenerator generator = new CorpusGenerator(seed);
        Random random = new Random(seed + 1);
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            GeneratedDocument d = generator.next();
            String[] tokens = Arrays.stream(d.pageText(0).split("[^\\p{L}]+")).filter(t -> t.length() >= 5)
                    .toArray(String[]::new);
            if (tokens.length < 2 || i % 8 != 0) {
                continue;
            }
            int at = random.nextInt(tokens.length - 1);
            words.add(tokens[at].toLowerCase(Locale.ROOT));
            phrases.add("\"" + tokens[at] + " " + tokens[at + 1] + "\"");
            fields.add("correspondent:\"" + d.correspondent() + "\" " + tokens[random.nextInt(tokens.length)]);
            int year = d.created().getYear();
            dates.add(random.nextBoolean() ? "created:[" + (year - 1) + " to " + year + "]"
                    : tokens[at] + " created:" + d.created().toString().substring(0, 7));
        }
        Map<String, List<String>> mix = new LinkedHashMap<>();
        mix.put("single word", words);
        mix.put("phrase", phrases);
        mix.put("field filter + word", fields);
        mix.put("date range", dates);
        return mix;
    }
}
