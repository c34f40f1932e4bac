package org.paperless.bench.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.paperless.index.lucene.internal.IndexMapping;

/**
 * What Lucene alone takes to index the documents that {@code paperless:index --recreate reindex} indexes: the
 * texts from the files {@code paperless-bench:load --text-out} wrote, the rest of each document from its line
 * there, turned into Lucene documents by the index bundle's own mapping (its jar is embedded here) with its
 * analyzer and writer settings, added one after the other and committed. No database, no service.
 */
@Service
@Command(scope = "paperless-bench", name = "lucene-loop",
        description = "Index the texts of load --text-out with Lucene alone, as the index bundle maps them (benchmarks only)")
public class LuceneLoopCommand implements Action {

    @Option(name = "--texts", required = true, description = "The folder load --text-out wrote")
    String texts;

    @Option(name = "--index", required = true, description = "The folder to write the index to (replaced)")
    String index;

    @Option(name = "--threads", description = "Indexing threads, each taking the next document (default 1)")
    int threads = 1;

    @Option(name = "--ram-buffer", description = "Another indexing buffer in MB than the index's, to try one out")
    double ramBufferMb;

    @Override
    public Object execute() throws Exception {
        Path folder = Path.of(texts);
        IndexMapping mapping = mapping(folder.resolve(DocumentLines.NAMES));
        AtomicLong count = new AtomicLong();
        long start;
        long committed;
        try (Analyzer analyzer = IndexMapping.analyzer();
                Directory directory = FSDirectory.open(Files.createDirectories(Path.of(index)));
                BufferedReader lines = Files.newBufferedReader(folder.resolve(DocumentLines.DOCUMENTS))) {
            IndexWriterConfig config = IndexMapping.writerConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            if (ramBufferMb > 0) {
                config.setRAMBufferSizeMB(ramBufferMb);
            }
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                start = System.nanoTime();
                index(() -> next(lines, folder, mapping, writer, count));
                writer.commit();
                committed = System.nanoTime();
            }
        }
        double seconds = (committed - start) / 1e9;
        System.out.printf(Locale.ROOT, "Lucene loop: %d documents in %.1f s (%.0f documents/s), %d thread(s), "
                + "buffer %.0f MB, index %d MB%n", count.get(), seconds, count.get() / seconds, threads,
                ramBufferMb > 0 ? ramBufferMb : IndexMapping.writerConfig(null).getRAMBufferSizeMB(),
                size(Path.of(index)) / (1024 * 1024));
        return null;
    }

    /** Work that returns false when there is nothing left. */
    @FunctionalInterface
    private interface Step {
        boolean next() throws IOException;
    }

    private void index(Step step) throws Exception {
        if (threads <= 1) {
            while (step.next()) {
                // one document per step
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (step.next()) {
                        // one document per step
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one line and its text file and adds the document; false at the end of the lines. */
    private static boolean next(BufferedReader lines, Path folder, IndexMapping mapping, IndexWriter writer,
            AtomicLong count) throws IOException {
        String line;
        synchronized (lines) {
            line = lines.readLine();
        }
        if (line == null) {
            return false;
        }
        String text = Files.readString(folder.resolve(DocumentLines.id(line) + ".txt"));
        writer.addDocument(mapping.toLucene(DocumentLines.document(line, text)));
        count.incrementAndGet();
        return true;
    }

    private static IndexMapping mapping(Path namesFile) throws IOException {
        Map<String, Map<Long, String>> names = new HashMap<>();
        for (String line : Files.readAllLines(namesFile)) {
            String[] kindIdName = line.split("\t", 3);
            names.computeIfAbsent(kindIdName[0], k -> new HashMap<>())
                    .put(Long.valueOf(kindIdName[1]), DocumentLines.unescape(kindIdName[2]));
        }
        return new IndexMapping(names.getOrDefault("correspondent", Map.of()), names.getOrDefault("type", Map.of()),
                names.getOrDefault("path", Map.of()), names.getOrDefault("tag", Map.of()), ZoneId.systemDefault());
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
