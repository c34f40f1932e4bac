package org.paperless.matching.internal.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Learns the models: a vocabulary of the word 1-2-grams that occur in at least two documents (the most
 * frequent {@value #MAX_TERMS}), then L2-regularised logistic regression (liblinear) for correspondent,
 * type and storage path (one yes/no model per AUTO object and one for "none", one versus the rest), and one
 * yes/no model per AUTO tag.
 */
final class Trainer {

    /** One training document: its text and its AUTO assignments ({@link #NONE} where it has none). */
    record Example(String content, long correspondent, long type, long path, Set<Long> tags) {
    }

    static final long NONE = -1;
    static final int MAX_TERMS = 30_000;
    static final String CORRESPONDENT = "correspondent";
    static final String TYPE = "type";
    static final String PATH = "path";
    static final String TAG = "tag:";
    /** Between a field and a class in a model's name: correspondent=12. */
    static final String CLASS = "=";
    /**
     * Regularisation, chosen by measured accuracy (docs/BENCHMARKS.md): C = 100 against 10 and 30 was best on
     * SpamAssassin (0.989 against 0.982) and on the tags of 10,000 and of 320 generated documents.
     */
    static final double C = 100;
    /**
     * The dual solver with liblinear's default tolerance for it: on 10k documents every field together
     * trained in 10 s instead of 57 s with the primal one, at the same accuracy.
     */
    static final double TOLERANCE = 0.1;

    static {
        Linear.disableDebugOutput();
    }

    private Trainer() {
    }

    static ClassifierModel train(List<Example> examples, String fingerprint, Set<Long> autoTags) {
        String[] vocabulary = vocabulary(examples);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.length; i++) {
            index.put(vocabulary[i], i + 1);
        }
        Vectorizer vectorizer = new Vectorizer(index);
        Feature[][] x = new Feature[examples.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = vectorizer.features(examples.get(i).content());
        }
        List<Job> jobs = new ArrayList<>();
        jobs.addAll(oneVsRest(CORRESPONDENT, examples, Example::correspondent));
        jobs.addAll(oneVsRest(TYPE, examples, Example::type));
        jobs.addAll(oneVsRest(PATH, examples, Example::path));
        for (long tag : autoTags.stream().sorted().toList()) {
            jobs.add(new Job(TAG + tag, i -> examples.get(i).tags().contains(tag)));
        }
        // Every model is a yes/no question of its own: all are fitted side by side on every core.
        Map<String, Model> fitted = new java.util.concurrent.ConcurrentHashMap<>();
        jobs.parallelStream().forEach(job -> {
            double[] y = new double[examples.size()];
            int positives = 0;
            for (int i = 0; i < y.length; i++) {
                boolean yes = job.positive().test(i);
                y[i] = yes ? 1 : 0;
                positives += yes ? 1 : 0;
            }
            if (positives > 0 && positives < y.length) {
                fitted.put(job.name(), fit(x, y, vocabulary.length));
            }
        });
        Map<String, Model> models = new LinkedHashMap<>();
        jobs.stream().map(Job::name).filter(fitted::containsKey).forEach(name -> models.put(name, fitted.get(name)));
        return new ClassifierModel(fingerprint, vocabulary, models);
    }

    /** A model's name and which training examples are its positives. */
    private record Job(String name, java.util.function.IntPredicate positive) {
    }

    /**
     * One yes/no model per class of a single-valued field, named {@code field=class}, as liblinear's own
     * multi-class logistic regression does one after another; none when the field has a single class.
     */
    private static List<Job> oneVsRest(String field, List<Example> examples, ToLongFunction<Example> label) {
        Set<Long> classes = new java.util.TreeSet<>();
        for (Example example : examples) {
            classes.add(label.applyAsLong(example));
        }
        if (classes.size() < 2) {
            return List.of();
        }
        List<Job> jobs = new ArrayList<>();
        for (long c : classes) {
            jobs.add(new Job(field + CLASS + c, i -> label.applyAsLong(examples.get(i)) == c));
        }
        return jobs;
    }

    private static Model fit(Feature[][] x, double[] y, int features) {
        Problem problem = new Problem();
        problem.l = y.length;
        problem.n = Math.max(1, features);
        problem.x = x;
        problem.y = y;
        problem.bias = -1;
        return Linear.train(problem, new Parameter(SolverType.L2R_LR_DUAL, C, TOLERANCE));
    }

    static String[] vocabulary(List<Example> examples) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Example example : examples) {
            for (String term : Vectorizer.termCounts(example.content()).keySet()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : documentFrequency.entrySet()) {
            if (e.getValue() >= 2) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return kept.stream().limit(MAX_TERMS).map(Map.Entry::getKey).sorted(Comparator.naturalOrder())
                .toArray(String[]::new);
    }
}
