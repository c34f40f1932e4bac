package org.paperless.bench.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a reproducible corpus of test documents: born-digital PDFs and scanned-looking PNG pages,
 * each with a JSON ground truth beside it. Documents are composed and written one at a time, so memory
 * stays constant however many are asked for.
 *
 * <pre>java -jar paperless-corpus.jar --count 1000 --out /tmp/corpus [--seed 42] [--scanned 0.2]</pre>
 */
public final class CorpusGenerator {
    private final long seed;
    private int index;

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    /** The next document's content. Document i depends only on the seed and i, not on what came before. */
    public GeneratedDocument next() {
        index++;
        return TextComposer.compose(mix(seed, index), index);
    }

    /** Writes the next {@code count} documents into {@code dir}, a fraction of them as scans. */
    public void write(Path dir, int count, double scannedFraction) throws IOException {
        run(dir, count, scannedFraction);
    }

    /** Counters for the summary line; times include composing the text. */
    record Summary(int pdfs, long pdfNanos, int scans, int scanPages, long scanNanos) {}

    Summary run(Path dir, int count, double scannedFraction) throws IOException {
        Files.createDirectories(dir);
        int pdfs = 0;
        int scans = 0;
        int scanPages = 0;
        long pdfNanos = 0;
        long scanNanos = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            GeneratedDocument d = next();
            // A separate stream from the content's: changing the fraction changes the format, never the text.
            boolean scanned = unit(mix(seed ^ 0x5CA11EDL, d.index())) < scannedFraction;
            List<String> files = new ArrayList<>();
            if (scanned) {
                Random noise = new Random(mix(seed ^ 0x0015EL, d.index()));
                for (int p = 0; p < d.pages().size(); p++) {
                    String name = d.baseName() + "_p" + (p + 1) + ".png";
                    var image = ScanRenderer.render(d, p, noise);
                    atomically(dir.resolve(name), out -> ScanRenderer.writePng(image, out));
                    files.add(name);
                }
            } else {
                String name = d.baseName() + ".pdf";
                atomically(dir.resolve(name), out -> PdfWriter.write(d, out));
                files.add(name);
            }
            byte[] json = GroundTruthWriter.json(d, scanned, files).getBytes(StandardCharsets.UTF_8);
            atomically(dir.resolve(d.baseName() + ".json"), out -> out.write(json));
            long elapsed = System.nanoTime() - t0;
            if (scanned) {
                scans++;
                scanPages += d.pages().size();
                scanNanos += elapsed;
            } else {
                pdfs++;
                pdfNanos += elapsed;
            }
        }
        return new Summary(pdfs, pdfNanos, scans, scanPages, scanNanos);
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Temp file then rename: a consumer watching the folder never picks up a half-written document. */
    private static void atomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** SplitMix64 finaliser: decorrelates neighbouring (seed, index) pairs. */
    static long mix(long seed, long index) {
        long z = seed + index * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** Held so the setting survives: JUL keeps loggers only weakly. */
    private static final java.util.logging.Logger PDFBOX_FONTS =
            java.util.logging.Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font");

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // PDFBox warns per document when no system font matches a Standard 14 font; irrelevant for writing.
        PDFBOX_FONTS.setLevel(java.util.logging.Level.SEVERE);
        Integer count = null;
        Path out = null;
        long seed = 42;
        double scanned = 0.2;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--count" -> count = Integer.valueOf(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                case "--scanned" -> scanned = Double.parseDouble(require(args[i], value));
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (count == null || out == null || count < 0 || scanned < 0 || scanned > 1) {
            usage("--count N (N >= 0) and --out DIR are required; --scanned takes a fraction from 0 to 1");
        }
        long t0 = System.nanoTime();
        Summary s = new CorpusGenerator(seed).run(out, count, scanned);
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%d documents in %s (seed %d) in %.1f s%n", count, out, seed, total);
        System.out.printf(java.util.Locale.ROOT, "born-digital: %d PDFs, %.1f documents/s (%.1f ms each)%n",
                s.pdfs(), rate(s.pdfs(), s.pdfNanos()), per(s.pdfs(), s.pdfNanos()));
        System.out.printf(java.util.Locale.ROOT, "scanned: %d documents, %d PNG pages, %.1f pages/s (%.1f ms per page)%n",
                s.scans(), s.scanPages(), rate(s.scanPages(), s.scanNanos()), per(s.scanPages(), s.scanNanos()));
    }

    private static double rate(int n, long nanos) {
        return nanos == 0 ? 0 : n / (nanos / 1e9);
    }

    private static double per(int n, long nanos) {
        return n == 0 ? 0 : nanos / 1e6 / n;
    }

    private static String require(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: CorpusGenerator --count N --out DIR [--seed S] [--scanned F]");
        System.exit(2);
    }
}
