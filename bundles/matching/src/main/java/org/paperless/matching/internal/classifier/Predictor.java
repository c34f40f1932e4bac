package org.paperless.matching.internal.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import org.paperless.api.matching.Matches;

/**
 * What a model says about a text. A field gets the most probable class when that is an object and its
 * probability reaches the minimum confidence; a tag when its probability reaches the larger of one half
 * and the minimum confidence. Below it nothing is assigned, so the dominant class is not put on everything.
 */
final class Predictor {

    private final ClassifierModel model;
    private final Vectorizer vectorizer;
    private final double minConfidence;

    Predictor(ClassifierModel model, double minConfidence) {
        this.model = model;
        this.minConfidence = minConfidence;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < model.vocabulary().length; i++) {
            index.put(model.vocabulary()[i], i + 1);
        }
        this.vectorizer = new Vectorizer(index);
    }

    ClassifierModel model() {
        return model;
    }

    Matches predict(String content) {
        Feature[] x = vectorizer.features(content == null ? "" : content);
        if (x.length == 0) {
            return Matches.NONE; // not one known word: any class would be a guess
        }
        List<Long> tags = new ArrayList<>();
        for (Map.Entry<String, Model> m : model.models().entrySet()) {
            if (m.getKey().startsWith(Trainer.TAG) && probabilityOf(m.getValue(), x, 1) >= Math.max(0.5, minConfidence)) {
                tags.add(Long.parseLong(m.getKey().substring(Trainer.TAG.length())));
            }
        }
        return new Matches(single(Trainer.CORRESPONDENT, x), single(Trainer.TYPE, x), tags, single(Trainer.PATH, x));
    }

    /**
     * The class whose one-versus-rest model is most sure, with the probabilities scaled to add up to one
     * (what liblinear does for its own multi-class models).
     */
    private List<Long> single(String field, Feature[] x) {
        String prefix = field + Trainer.CLASS;
        long best = Trainer.NONE;
        double bestProbability = -1;
        double sum = 0;
        for (Map.Entry<String, Model> m : model.models().entrySet()) {
            if (m.getKey().startsWith(prefix)) {
                double p = probabilityOf(m.getValue(), x, 1);
                sum += p;
                if (p > bestProbability) {
                    bestProbability = p;
                    best = Long.parseLong(m.getKey().substring(prefix.length()));
                }
            }
        }
        if (sum == 0 || best == Trainer.NONE || bestProbability / sum < minConfidence) {
            return List.of();
        }
        return List.of(best);
    }

    private static double probabilityOf(Model m, Feature[] x, int label) {
        double[] probabilities = new double[m.getNrClass()];
        Linear.predictProbability(m, x, probabilities);
        int[] labels = m.getLabels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                return probabilities[i];
            }
        }
        return 0;
    }
}
