package org.paperless.matching.internal.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;

/**
 * Word 1- and 2-grams (words of two or more letters or digits, lower-cased), as paperless-ngx's
 * CountVectorizer counts them, weighted 1 + log(count) and scaled to length 1 over a fixed vocabulary.
 */
final class Vectorizer {

    /** Longer texts add little and cost memory: the start of a document says what it is. */
    static final int MAX_CHARS = 20_000;
    private static final Pattern WORD = Pattern.compile("\\w\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> vocabulary;

    Vectorizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
    }

    Map<String, Integer> vocabulary() {
        return vocabulary;
    }

    static Map<String, Integer> termCounts(String content) {
        String text = content.length() > MAX_CHARS ? content.substring(0, MAX_CHARS) : content;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        Map<String, Integer> counts = new HashMap<>();
        String previous = null;
        while (words.find()) {
            String word = words.group();
            counts.merge(word, 1, Integer::sum);
            if (previous != null) {
                counts.merge(previous + ' ' + word, 1, Integer::sum);
            }
            previous = word;
        }
        return counts;
    }

    Feature[] features(String content) {
        List<FeatureNode> nodes = new ArrayList<>();
        double norm = 0;
        for (Map.Entry<String, Integer> term : termCounts(content).entrySet()) {
            Integer index = vocabulary.get(term.getKey());
            if (index != null) {
                double weight = 1 + Math.log(term.getValue());
                nodes.add(new FeatureNode(index, weight));
                norm += weight * weight;
            }
        }
        nodes.sort((a, b) -> Integer.compare(a.index, b.index));
        double length = Math.sqrt(norm);
        for (FeatureNode node : nodes) {
            node.value /= length;
        }
        return nodes.toArray(new Feature[0]);
    }
}
