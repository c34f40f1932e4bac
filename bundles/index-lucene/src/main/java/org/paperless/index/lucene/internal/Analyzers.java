package org.paperless.index.lucene.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Text is split by Unicode word rules, lower-cased, German spellings normalised (ä -> a, ß -> ss, ue -> u)
 * and accents folded, so "muller", "Mueller" and "Müller" find each other in German and English text alike.
 * No stemming and no stop words: names and numbers are what people search their paper for.
 */
final class Analyzers {

    private Analyzers() {
    }

    static Analyzer text() {
        try {
            return textSteps().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words of {@link #text()}, each joined to the next with one space ({@link PhrasePairs#SEPARATOR}); no
     * single words, and no pair across a gap in the positions.
     */
    static Analyzer pairs() {
        try {
            return textSteps()
                    .addTokenFilter("shingle", "minShingleSize", "2", "maxShingleSize", "2", "outputUnigrams", "false",
                            "tokenSeparator", PhrasePairs.SEPARATOR)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomAnalyzer.Builder textSteps() throws IOException {
        return CustomAnalyzer.builder()
                .withTokenizer("standard")
                .addTokenFilter("lowercase")
                .addTokenFilter("germanNormalization")
                .addTokenFilter("asciiFolding");
    }

    /** Words for autocomplete keep their letters, so a completion reads as the word in the document. */
    static Analyzer words() {
        try {
            return CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("lowercase").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names split at every dot, dash and underscore: "Scan_2021-03.pdf" has the words scan, 2021, 03, pdf. */
    static Analyzer fileNames() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("pattern", "pattern", "[^\\p{L}\\p{N}]+")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analyzer for indexing and for queries: text fields analysed, keyword fields taken as they are. */
    static Analyzer perField() {
        Map<String, Analyzer> fields = new HashMap<>();
        for (String keyword : Fields.KEYWORDS) {
            fields.put(keyword, new KeywordAnalyzer());
        }
        fields.put(Fields.WORDS, words());
        fields.put(Fields.ORIGINAL_FILENAME, fileNames());
        fields.put(Fields.CONTENT_PAIRS, pairs());
        return new PerFieldAnalyzerWrapper(text(), fields);
    }
}
