package org.paperless.index.lucene.internal.duplicates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.paperless.api.maintenance.DuplicatePair;

/**
 * How long a search over generated documents takes (not a test: run it by hand with the test class path).
 * Arguments: documents (10000), ratio (85), threads (2), texts: {@code letters} ({@link LetterCorpus}, the
 * default) or {@code bench} (the bench's documents, {@link BenchCorpusTexts}: add
 * bench/corpus/target/paperless-corpus-*.jar to the class path). The component's log line says how many pairs
 * were compared exactly.
 */
public final class NearDuplicatesTiming {

    private NearDuplicatesTiming() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int ratio = args.length > 1 ? Integer.parseInt(args[1]) : 85;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String texts = args.length > 3 ? args[3] : "letters";
        List<String> contents = switch (texts) {
            case "letters" -> new LetterCorpus(42).generate(documents);
            case "bench" -> BenchCorpusTexts.generate(documents);
            default -> throw new IllegalArgumentException("texts are 'letters' or 'bench', not " + texts);
        };
        var repository = ListedDocuments.of(ListedDocuments.numbered(contents));
        Path spool = Files.createTempDirectory("duplicates-timing");
        NearDuplicatesComponent component = new NearDuplicatesComponent(repository, spool, threads);
        try {
            long start = System.nanoTime();
            List<DuplicatePair> pairs = component.find(ratio, null);
            System.out.printf("%d documents (%s) at ratio %d with %d threads: %d pairs in %.1f s%n", documents, texts,
                    ratio, threads, pairs.size(), (System.nanoTime() - start) / 1e9);
        } finally {
            component.deactivate();
            Files.delete(spool);
        }
    }
}
