package org.paperless.bench.classifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.paperless.bench.corpus.CorpusGenerator;
import org.paperless.bench.corpus.GeneratedDocument;
import org.paperless.matching.internal.classifier.Evaluation;

/**
 * The auto classifier on labelled text: the SpamAssassin public corpus (its 5 groups) and the generated
 * corpus (its correspondents), each split 80/20 with a fixed seed; accuracy and macro F1 against the
 * majority class, training time, and the heap in use after training.
 *
 * <pre>java -cp ... org.paperless.bench.classifier.ClassifierBench SPAMASSASSIN_DATA_DIR [GENERATED_COUNT]</pre>
 */
public final class ClassifierBench {

    /** Held so that the level stays: Tribuo reports every thousand SGD steps at INFO. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    private ClassifierBench() {
    }

    public static void main(String[] args) throws IOException {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        Path spam = Path.of(args[0]);
        int generated = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        report("SpamAssassin public corpus, 5 groups", spamAssassin(spam));
        report("generated corpus, correspondent", generatedCorpus(generated));
        reportTags("generated corpus, tags (multi-label)", generatedTags(generated));
        reportDocuments("generated corpus, every field in one training", generatedDocuments(generated));
    }

    private static void reportDocuments(String what, List<Evaluation.DocumentSample> samples) {
        Collections.shuffle(samples, new Random(42));
        int cut = samples.size() * 4 / 5;
        System.gc();
        long before = usedHeap();
        Evaluation.DocumentResult r = Evaluation.runDocuments(samples.subList(0, cut), samples.subList(cut, samples.size()), 0.3);
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "%s: train %d, test %d, %d models, correspondent accuracy %.3f, type accuracy %.3f, "
                + "tags micro F1 %.3f, training %.1f s, heap in use after training %d MB (before %d MB)%n", what, r.train(),
                r.test(), r.models(), r.correspondentAccuracy(), r.typeAccuracy(), r.tagMicroF1(), r.trainMillis() / 1000.0,
                after >> 20, before >> 20);
    }

    private static List<Evaluation.DocumentSample> generatedDocuments(int count) {
        CorpusGenerator generator = new CorpusGenerator(42);
        Map<String, Long> ids = new HashMap<>();
        List<Evaluation.DocumentSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeneratedDocument d = generator.next();
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < d.pages().size(); p++) {
                text.append(d.pageText(p)).append('\n');
            }
            java.util.Set<Long> tags = new java.util.HashSet<>();
            for (String tag : d.tags()) {
                tags.add(ids.computeIfAbsent("tag " + tag, t -> (long) ids.size() + 1));
            }
            samples.add(new Evaluation.DocumentSample(text.toString(),
                    ids.computeIfAbsent("correspondent " + d.correspondent(), c -> (long) ids.size() + 1),
                    ids.computeIfAbsent("type " + d.documentType(), c -> (long) ids.size() + 1), tags));
        }
        return samples;
    }

    private static void reportTags(String what, List<Evaluation.TaggedSample> samples) {
        Collections.shuffle(samples, new Random(42));
        int cut = samples.size() * 4 / 5;
        Evaluation.TagResult r = Evaluation.runTags(samples.subList(0, cut), samples.subList(cut, samples.size()), 0.3);
        System.out.printf(Locale.ROOT, "%s: train %d, test %d, %d tags, micro F1 %.3f, macro F1 %.3f, all tags right %.3f, "
                + "training %.1f s%n", what, r.train(), r.test(), r.tags(), r.microF1(), r.macroF1(), r.exactMatch(),
                r.trainMillis() / 1000.0);
    }

    private static List<Evaluation.TaggedSample> generatedTags(int count) {
        CorpusGenerator generator = new CorpusGenerator(42);
        Map<String, Long> tags = new HashMap<>();
        List<Evaluation.TaggedSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeneratedDocument d = generator.next();
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < d.pages().size(); p++) {
                text.append(d.pageText(p)).append('\n');
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (String tag : d.tags()) {
                ids.add(tags.computeIfAbsent(tag, t -> (long) tags.size() + 1));
            }
            samples.add(new Evaluation.TaggedSample(text.toString(), ids));
        }
        return samples;
    }

    private static void report(String what, List<Evaluation.Sample> samples) {
        Collections.shuffle(samples, new Random(42));
        int cut = samples.size() * 4 / 5;
        System.gc();
        long before = usedHeap();
        Evaluation.Result r = Evaluation.run(samples.subList(0, cut), samples.subList(cut, samples.size()), 0.3);
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "%s: train %d, test %d, accuracy %.3f (majority class %.3f), macro F1 %.3f, "
                + "training %.1f s, %d terms, heap in use after training %d MB (before %d MB)%n", what, r.train(), r.test(),
                r.accuracy(), r.majorityAccuracy(), r.macroF1(), r.trainMillis() / 1000.0, r.terms(), after >> 20, before >> 20);
        TribuoComparison.Result tribuo = TribuoComparison.run(samples.subList(0, cut), samples.subList(cut, samples.size()));
        System.out.printf(Locale.ROOT, "%s, Tribuo 4.3.2 logistic regression (SGD) on the same features: accuracy %.3f, "
                + "macro F1 %.3f, training %.1f s%n", what, tribuo.accuracy(), tribuo.macroF1(), tribuo.trainMillis() / 1000.0);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Each e-mail's text (headers and body) labelled with its group; the mail is the document. */
    private static List<Evaluation.Sample> spamAssassin(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> groups = new HashMap<>();
        List<Evaluation.Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode mail = json.readTree(file.toFile());
                if (!mail.has("group") || !mail.has("text")) {
                    continue; // the package's file list
                }
                long label = groups.computeIfAbsent(mail.get("group").asText(), g -> (long) groups.size() + 1);
                samples.add(new Evaluation.Sample(mail.get("text").asText(), label));
            }
        }
        System.out.println("SpamAssassin: " + samples.size() + " mails in groups " + groups);
        return samples;
    }

    private static List<Evaluation.Sample> generatedCorpus(int count) {
        CorpusGenerator generator = new CorpusGenerator(42);
        Map<String, Long> correspondents = new HashMap<>();
        List<Evaluation.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GeneratedDocument d = generator.next();
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < d.pages().size(); p++) {
                text.append(d.pageText(p)).append('\n');
            }
            long label = correspondents.computeIfAbsent(d.correspondent(), c -> (long) correspondents.size() + 1);
            samples.add(new Evaluation.Sample(text.toString(), label));
        }
        System.out.println("generated: " + samples.size() + " documents, " + correspondents.size() + " correspondents");
        return samples;
    }
}
