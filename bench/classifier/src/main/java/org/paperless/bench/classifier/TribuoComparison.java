package org.paperless.bench.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.paperless.matching.internal.classifier.Evaluation;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The same task with a second library: Tribuo's logistic regression (stochastic gradient descent,
 * its defaults) on exactly the features the classifier uses, for choosing by measured accuracy.
 */
final class TribuoComparison {

    record Result(double accuracy, double macroF1, long trainMillis) {
    }

    private TribuoComparison() {
    }

    static Result run(List<Evaluation.Sample> train, List<Evaluation.Sample> test) {
        List<String> trainTexts = train.stream().map(Evaluation.Sample::text).toList();
        List<String> all = new ArrayList<>(trainTexts);
        test.forEach(s -> all.add(s.text()));
        long start = System.nanoTime();
        List<Map<String, Double>> features = Evaluation.features(trainTexts, all);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("train", labels), labels);
        for (int i = 0; i < train.size(); i++) {
            dataset.add(example(String.valueOf(train.get(i).label()), features.get(i)));
        }
        Model<Label> model = new LogisticRegressionTrainer().train(dataset);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int right = 0;
        Map<String, int[]> counts = new HashMap<>(); // true positives, predicted, actual
        for (int i = 0; i < test.size(); i++) {
            String actual = String.valueOf(test.get(i).label());
            String predicted = model.predict(example(actual, features.get(train.size() + i))).getOutput().getLabel();
            right += predicted.equals(actual) ? 1 : 0;
            counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
            counts.computeIfAbsent(actual, k -> new int[3])[2]++;
            if (predicted.equals(actual)) {
                counts.get(actual)[0]++;
            }
        }
        double f1 = 0;
        for (int[] c : counts.values()) {
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            f1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Result((double) right / test.size(), f1 / counts.size(), millis);
    }

    private static Example<Label> example(String label, Map<String, Double> features) {
        String[] names = features.keySet().toArray(String[]::new);
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = features.get(names[i]);
        }
        return new ArrayExample<>(new Label(label), names, values);
    }
}
