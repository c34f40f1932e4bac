package org.paperless.bench.loader;

import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.paperless.api.Correspondent;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.Tag;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.TagRepository;
import org.paperless.bench.corpus.CorpusGenerator;
import org.paperless.bench.corpus.GeneratedDocument;

/** Fills the database with generated documents, with their correspondents, types and tags, in big transactions. */
@Service
@Command(scope = "paperless-bench", name = "load", description = "Store N generated documents straight in the database (benchmarks only)")
public class LoadCommand implements Action {

    @Option(name = "--count", required = true)
    int count;

    @Option(name = "--seed")
    long seed = 42;

    @Option(name = "--batch")
    int batch = 1000;

    @Option(name = "--text-out", description = "Also write each text to DIR/<id>.txt, for grep to compare with, and the "
            + "rest of each document to DIR/documents.tsv (names in DIR/names.tsv), for paperless-bench:lucene-loop")
    String textOut;

    @Option(name = "--files", description = "Also write files: an original of KB kilobytes, an archive copy of a third of it "
            + "and a WebP thumbnail of 6 KB (as consumption writes them), random bytes (incompressible, like scans) "
            + "behind WebP's header")
    int filesKb;

    @Option(name = "--near-duplicates", description = "Every Nth document's text is the one before it with every 50th "
            + "letter changed (a rescan with OCR noise, a similarity of about 98): pairs for paperless:duplicates to find")
    int nearDuplicateEvery;

    @Option(name = "--pairs-out", description = "With --near-duplicates, append the ids of each planted pair to FILE, "
            + "'older newer' a line, for the bench to look for among the pairs found")
    String pairsOut;

    @Reference
    DocumentRepository documents;

    @Reference
    MediaStore media;

    @Reference
    CorrespondentRepository correspondents;

    @Reference
    DocumentTypeRepository types;

    @Reference
    TagRepository tags;

    private final Map<String, Long> correspondentIds = new HashMap<>();
    private final Map<String, Long> typeIds = new HashMap<>();
    private final Map<String, Long> tagIds = new HashMap<>();

    @Override
    public Object execute() throws Exception {
        Path texts = textOut == null ? null : Files.createDirectories(Path.of(textOut));
        try (Writer lines = texts == null ? Writer.nullWriter() : Files.newBufferedWriter(
                texts.resolve(DocumentLines.DOCUMENTS), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            load(texts, lines);
        }
        if (texts != null) {
            writeNames(texts.resolve(DocumentLines.NAMES));
        }
        return null;
    }

    /** A batch made ready for storing: the documents, their texts, and which are near-duplicates of the one before. */
    private record Batch(int last, List<Document> documents, List<String> texts, List<Boolean> twins) {
    }

    /**
     * The next batch is generated on a thread of its own while this one is stored: what is measured is the
     * database's work, not the generator's (on PostgreSQL the database works in another process, and the
     * generating alone took a third of the time).
     */
    private void load(Path texts, Writer lines) throws Exception {
        CorpusGenerator generator = new CorpusGenerator(seed);
        long start = System.nanoTime();
        int[] twins = {0};
        String[] previous = {null};
        StringBuilder pairs = new StringBuilder();
        Long lastId = null;
        ExecutorService ahead = Executors.newSingleThreadExecutor();
        try {
            Future<Batch> next = ahead.submit(() -> generate(generator, 1, previous, twins));
            while (next != null) {
                Batch ready = next.get();
                next = ready.last() < count ? ahead.submit(() -> generate(generator, ready.last() + 1, previous, twins)) : null;
                List<Document> stored = documents.createAll(ready.documents());
                for (int k = 0; k < stored.size(); k++) {
                    if (ready.twins().get(k)) {
                        pairs.append(lastId).append(' ').append(stored.get(k).id()).append('\n');
                    }
                    lastId = stored.get(k).id();
                }
                if (filesKb > 0) {
                    for (Document d : stored) {
                        media.write(MediaArea.THUMBNAILS, String.format("%07d.webp", d.id()),
                                new ByteArrayInputStream(webpLike(bytes(d.id() * 31, 6 * 1024))));
                    }
                }
                if (texts != null) {
                    for (int k = 0; k < stored.size(); k++) {
                        Files.writeString(texts.resolve(stored.get(k).id() + ".txt"), ready.texts().get(k));
                        lines.write(DocumentLines.line(stored.get(k)));
                        lines.write('\n');
                    }
                    lines.flush();
                }
                System.out.printf("\rstored %d of %d", ready.last(), count);
                System.out.flush();
            }
        } finally {
            ahead.shutdownNow();
        }
        if (pairsOut != null) {
            Files.writeString(Path.of(pairsOut), pairs, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.printf("%nloaded %d documents in %.1f s%s%n", count, (System.nanoTime() - start) / 1e9,
                twins[0] > 0 ? ", " + twins[0] + " of them near-duplicates of the document before" : "");
    }

    /** Documents {@code first} to the end of its batch, generated in order (on the one generating thread). */
    private Batch generate(CorpusGenerator generator, int first, String[] previous, int[] twins) throws Exception {
        int last = Math.min(count, first + batch - 1);
        List<Document> pending = new ArrayList<>();
        List<String> pendingTexts = new ArrayList<>();
        List<Boolean> pendingTwins = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            GeneratedDocument g = generator.next();
            String text = text(g);
            boolean twin = nearDuplicateEvery > 0 && i % nearDuplicateEvery == 0 && previous[0] != null;
            if (twin) {
                text = rescanned(previous[0]);
                twins[0]++;
            }
            pendingTwins.add(twin);
            previous[0] = text;
            pending.add(document(g, text, i));
            pendingTexts.add(text);
        }
        return new Batch(last, pending, pendingTexts, pendingTwins);
    }

    /** Kind, id and name of each correspondent, type and tag the documents name, a line each. */
    private void writeNames(Path file) throws Exception {
        StringBuilder out = new StringBuilder();
        correspondentIds.forEach((name, id) -> out.append("correspondent\t").append(id).append('\t')
                .append(DocumentLines.escape(name)).append('\n'));
        typeIds.forEach((name, id) -> out.append("type\t").append(id).append('\t')
                .append(DocumentLines.escape(name)).append('\n'));
        tagIds.forEach((name, id) -> out.append("tag\t").append(id).append('\t')
                .append(DocumentLines.escape(name)).append('\n'));
        Files.writeString(file, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static byte[] bytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The text with every 50th letter replaced by the next letter of the alphabet, as OCR noise would. */
    static String rescanned(String text) {
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String text(GeneratedDocument g) {
        List<String> pages = new ArrayList<>();
        for (int p = 0; p < g.pages().size(); p++) {
            pages.add(g.pageText(p));
        }
        return String.join("\n\n", pages);
    }

    private Document document(GeneratedDocument g, String text, int i) throws Exception {
        Set<Long> tagSet = new HashSet<>();
        for (String tag : g.tags()) {
            tagSet.add(tagIds.computeIfAbsent(tag, n -> tags.findByName(n)
                    .orElseGet(() -> tags.create(new Tag(null, n, Matching.DEFAULT, "#a6cee3", false, null))).id()));
        }
        long correspondent = correspondentIds.computeIfAbsent(g.correspondent(), n -> correspondents.findByName(n)
                .orElseGet(() -> correspondents.create(new Correspondent(null, n, Matching.DEFAULT))).id());
        long type = typeIds.computeIfAbsent(g.documentType(), n -> types.findByName(n)
                .orElseGet(() -> types.create(new DocumentType(null, n, Matching.DEFAULT))).id());
        Instant added = g.created().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(i);
        String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((i + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        String original = null;
        String archive = null;
        String archiveChecksum = null;
        if (filesKb > 0) {
            // One folder per seed: a second load (another seed) into the same instance takes names of its own.
            original = String.format("bench/%d/%07d.pdf", seed, i);
            archive = original;
            byte[] bytes = bytes(seed * 1_000_003 + i, filesKb * 1024);
            checksum = sha256(bytes);
            media.write(MediaArea.ORIGINALS, original, new ByteArrayInputStream(bytes));
            byte[] copy = bytes(seed * 2_000_003 + i, filesKb * 1024 / 3);
            archiveChecksum = sha256(copy);
            media.write(MediaArea.ARCHIVE, archive, new ByteArrayInputStream(copy));
        }
        return new Document(null, g.title(), text, correspondent, type, null, tagSet, g.created(), added, added,
                checksum, archiveChecksum, null, original, archive, g.baseName() + ".pdf", "application/pdf",
                g.pages().size(), "admin", List.of(), List.of());
    }

    /** The bytes behind a WebP file's RIFF header, so that what checks a thumbnail's type takes them for one. */
    private static byte[] webpLike(byte[] random) {
        byte[] header = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int size = random.length - 8;
        header[4] = (byte) size;
        header[5] = (byte) (size >> 8);
        header[6] = (byte) (size >> 16);
        header[7] = (byte) (size >> 24);
        System.arraycopy(header, 0, random, 0, header.length);
        return random;
    }
}
