package org.paperless.matching.internal.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.paperless.api.matching.Matches;

/**
 * Measures the classifier on labelled texts, for the benchmarks: trains on one part, predicts the other,
 * and reports accuracy and macro F1 against always answering the most frequent label.
 */
public final class Evaluation {

    /** A text and its label (0 or more; {@link #NONE} for none). */
    public record Sample(String text, long label) {
    }

    public record Result(int train, int test, double accuracy, double macroF1, double majorityAccuracy,
            long trainMillis, int terms) {
    }

    public static final long NONE = Trainer.NONE;

    /** A text and its tags. */
    public record TaggedSample(String text, Set<Long> tags) {
    }

    /** Multi-label: F1 over every (document, tag) decision, and the mean F1 of the tags. */
    public record TagResult(int train, int test, int tags, double microF1, double macroF1, double exactMatch,
            long trainMillis) {
    }

    public static TagResult runTags(List<TaggedSample> train, List<TaggedSample> test, double minConfidence) {
        Set<Long> allTags = new HashSet<>();
        List<Trainer.Example> examples = new ArrayList<>();
        for (TaggedSample s : train) {
            examples.add(new Trainer.Example(s.text(), NONE, NONE, NONE, s.tags()));
            allTags.addAll(s.tags());
        }
        long start = System.nanoTime();
        ClassifierModel model = Trainer.train(examples, "evaluation", allTags);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Predictor predictor = new Predictor(model, minConfidence);
        Map<Long, int[]> counts = new HashMap<>(); // true positives, predicted, actual
        int exact = 0;
        for (TaggedSample s : test) {
            Set<Long> predicted = new HashSet<>(predictor.predict(s.text()).tags());
            exact += predicted.equals(s.tags()) ? 1 : 0;
            for (long tag : predicted) {
                counts.computeIfAbsent(tag, k -> new int[3])[1]++;
                if (s.tags().contains(tag)) {
                    counts.get(tag)[0]++;
                }
            }
            for (long tag : s.tags()) {
                counts.computeIfAbsent(tag, k -> new int[3])[2]++;
            }
        }
        int tp = 0;
        int predictedTotal = 0;
        int actualTotal = 0;
        double macro = 0;
        for (int[] c : counts.values()) {
            tp += c[0];
            predictedTotal += c[1];
            actualTotal += c[2];
            macro += f1(c[0], c[1], c[2]);
        }
        return new TagResult(train.size(), test.size(), counts.size(), f1(tp, predictedTotal, actualTotal),
                counts.isEmpty() ? 0 : macro / counts.size(), (double) exact / test.size(), millis);
    }

    /** A text with every field a document can have predicted. */
    public record DocumentSample(String text, long correspondent, long type, Set<Long> tags) {
    }

    /** One training of every field at once, as the instance trains. */
    public record DocumentResult(int train, int test, int models, double correspondentAccuracy, double typeAccuracy,
            double tagMicroF1, long trainMillis) {
    }

    public static DocumentResult runDocuments(List<DocumentSample> train, List<DocumentSample> test, double minConfidence) {
        Set<Long> allTags = new HashSet<>();
        List<Trainer.Example> examples = new ArrayList<>();
        for (DocumentSample s : train) {
            examples.add(new Trainer.Example(s.text(), s.correspondent(), s.type(), NONE, s.tags()));
            allTags.addAll(s.tags());
        }
        long start = System.nanoTime();
        ClassifierModel model = Trainer.train(examples, "evaluation", allTags);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Predictor predictor = new Predictor(model, minConfidence);
        int correspondents = 0;
        int types = 0;
        int[] tagCounts = new int[3]; // true positives, predicted, actual
        for (DocumentSample s : test) {
            Matches m = predictor.predict(s.text());
            correspondents += m.correspondents().equals(List.of(s.correspondent())) ? 1 : 0;
            types += m.documentTypes().equals(List.of(s.type())) ? 1 : 0;
            for (long tag : m.tags()) {
                tagCounts[1]++;
                tagCounts[0] += s.tags().contains(tag) ? 1 : 0;
            }
            tagCounts[2] += s.tags().size();
        }
        return new DocumentResult(train.size(), test.size(), model.models().size(),
                (double) correspondents / test.size(), (double) types / test.size(),
                f1(tagCounts[0], tagCounts[1], tagCounts[2]), millis);
    }

    /**
     * The features the classifier sees (term -> weight over the training texts' vocabulary), so that
     * another library can be measured on the same input.
     */
    public static List<Map<String, Double>> features(List<String> train, List<String> texts) {
        List<Trainer.Example> examples = train.stream()
                .map(t -> new Trainer.Example(t, NONE, NONE, NONE, Set.of())).toList();
        String[] vocabulary = Trainer.vocabulary(examples);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.length; i++) {
            index.put(vocabulary[i], i + 1);
        }
        Vectorizer vectorizer = new Vectorizer(index);
        List<Map<String, Double>> result = new ArrayList<>();
        for (String text : texts) {
            Map<String, Double> features = new HashMap<>();
            for (de.bwaldvogel.liblinear.Feature f : vectorizer.features(text)) {
                features.put(vocabulary[f.getIndex() - 1], f.getValue());
            }
            result.add(features);
        }
        return result;
    }

    private static double f1(int truePositives, int predicted, int actual) {
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = actual == 0 ? 0 : (double) truePositives / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private Evaluation() {
    }

    public static Result run(List<Sample> train, List<Sample> test, double minConfidence) {
        List<Trainer.Example> examples = new ArrayList<>();
        Map<Long, Integer> frequency = new HashMap<>();
        for (Sample s : train) {
            examples.add(new Trainer.Example(s.text(), s.label(), NONE, NONE, Set.of()));
            frequency.merge(s.label(), 1, Integer::sum);
        }
        long start = System.nanoTime();
        ClassifierModel model = Trainer.train(examples, "evaluation", Set.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long majority = frequency.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Predictor predictor = new Predictor(model, minConfidence);
        int right = 0;
        int majorityRight = 0;
        Map<Long, int[]> counts = new HashMap<>(); // true positives, predicted, actual
        Set<Long> labels = new HashSet<>(frequency.keySet());
        for (Sample s : test) {
            Matches m = predictor.predict(s.text());
            long predicted = m.correspondents().isEmpty() ? NONE : m.correspondents().get(0);
            right += predicted == s.label() ? 1 : 0;
            majorityRight += majority == s.label() ? 1 : 0;
            counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
            counts.computeIfAbsent(s.label(), k -> new int[3])[2]++;
            if (predicted == s.label()) {
                counts.get(predicted)[0]++;
            }
            labels.add(s.label());
        }
        double f1 = 0;
        for (long label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            f1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Result(train.size(), test.size(), (double) right / test.size(), f1 / labels.size(),
                (double) majorityRight / test.size(), millis, model.vocabulary().length);
    }
}
