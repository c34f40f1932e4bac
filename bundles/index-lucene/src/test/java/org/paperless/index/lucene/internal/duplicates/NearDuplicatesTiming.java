package org.paperless.index.lucene.internal.duplicates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.paperless.api.maintenance.DuplicatePair;

/**
 * How long a search over generated letters takes (not a test: run it by hand with the test class path).
 * Arguments: documents (10000), ratio (85), threads (2).
 */
public final class NearDuplicatesTiming {

    private NearDuplicatesTiming() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int ratio = args.length > 1 ? Integer.parseInt(args[1]) : 85;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        var repository = ListedDocuments.of(ListedDocuments.numbered(new LetterCorpus(42).generate(documents)));
        Path spool = Files.createTempDirectory("duplicates-timing");
        NearDuplicatesComponent component = new NearDuplicatesComponent(repository, spool, threads);
        try {
            long start = System.nanoTime();
            List<DuplicatePair> pairs = component.find(ratio, null);
            System.out.printf("%d documents at ratio %d with %d threads: %d pairs in %.1f s%n", documents, ratio,
                    threads, pairs.size(), (System.nanoTime() - start) / 1e9);
        } finally {
            component.deactivate();
            Files.delete(spool);
        }
    }
}
