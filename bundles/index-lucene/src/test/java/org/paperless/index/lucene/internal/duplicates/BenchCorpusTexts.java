package org.paperless.index.lucene.internal.duplicates;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents {@code ./paperless bench maintenance} stores for its near-duplicate step, made by the bench's own
 * generator (bench/corpus, found on the class path by name, so this module does not depend on it): a fifth of
 * the documents with seed 42, the rest with seed 43, pages joined by blank lines, and in each load every
 * hundredth document the one before it with every 50th letter changed, as paperless-bench:load
 * --near-duplicates 100 does. These are multi-page letters from shared templates, longer and more alike than
 * {@link LetterCorpus}'s.
 */
final class BenchCorpusTexts {

    private static final String GENERATOR = "org.paperless.bench.corpus.CorpusGenerator";

    private BenchCorpusTexts() {
    }

    static List<String> generate(int count) throws ReflectiveOperationException {
        List<String> contents = new ArrayList<>(count);
        load(contents, count / 5, 42);
        load(contents, count - count / 5, 43);
        return contents;
    }

    private static void load(List<String> contents, int count, long seed) throws ReflectiveOperationException {
        Class<?> type = Class.forName(GENERATOR);
        Object generator = type.getConstructor(long.class).newInstance(seed);
        Method next = type.getMethod("next");
        String previous = null;
        for (int i = 1; i <= count; i++) {
            Object document = next.invoke(generator);
            int pages = ((List<?>) document.getClass().getMethod("pages").invoke(document)).size();
            Method pageText = document.getClass().getMethod("pageText", int.class);
            List<String> texts = new ArrayList<>(pages);
            for (int p = 0; p < pages; p++) {
                texts.add((String) pageText.invoke(document, p));
            }
            String text = i % 100 == 0 && previous != null ? rescanned(previous) : String.join("\n\n", texts);
            contents.add(text);
            previous = text;
        }
    }

    /** Every 50th letter a to z replaced by the next one. */
    private static String rescanned(String text) {
        StringBuilder out = new StringBuilder(text);
        int letters = 0;
        for (int k = 0; k < out.length(); k++) {
            char c = out.charAt(k);
            if (c >= 'a' && c <= 'z' && ++letters % 50 == 0) {
                out.setCharAt(k, c == 'z' ? 'a' : (char) (c + 1));
            }
        }
        return out.toString();
    }
}
