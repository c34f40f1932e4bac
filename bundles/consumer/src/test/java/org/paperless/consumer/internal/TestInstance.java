package org.paperless.consumer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.paperless.api.Document;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;

/**
 * The consumer as it runs inside Karaf, built without OSGi over one data folder: real files throughout;
 * the database is a list in memory (documents, with the same all-or-nothing create: ids are handed out in
 * the order of the calls, rows kept in the order of the commits), and there are no correspondents, types,
 * tags or storage paths.
 */
public final class TestInstance {

    public final Path data;
    public final Path consume;
    public final DataFolders folders;
    public final Documents documents = new Documents();
    public final MediaStore media;
    /** Called before each media file is written (area folder, name): a test may hold a write up here. */
    public volatile BiConsumer<String, String> beforeWrite = (area, name) -> { };

    public TestInstance(Path root) throws IOException {
        this.data = Files.createDirectories(root.resolve("data"));
        this.consume = Files.createDirectories(root.resolve("consume"));
        this.folders = new Folders(data, consume);
        this.media = new Media(data.resolve("media"), (area, name) -> beforeWrite.accept(area, name));
    }

    /**
     * A consumer as the framework activates it at start: staging cleared, the journal recovered. It reads two
     * documents at once, whatever the machine's number of cores.
     */
    public ConsumerComponent start(DocumentParser parser, String... mimeTypes) {
        return start(2, parser, mimeTypes);
    }

    /** The same, reading {@code parallelism} documents at once. */
    public ConsumerComponent start(int parallelism, DocumentParser parser, String... mimeTypes) {
        ConsumerComponent consumer = new ConsumerComponent(documents, media, folders, empty(CorrespondentRepository.class),
                empty(DocumentTypeRepository.class), empty(TagRepository.class), empty(StoragePathRepository.class),
                config(Map.of("parallelism", Integer.toString(parallelism))));
        if (parser != null) {
            consumer.addParser(parser, Map.<String, Object>of(DocumentParser.MIME_TYPES, String.join(",", mimeTypes)));
        }
        return consumer;
    }

    public Path failed(String name) {
        return consume.resolve("failed").resolve(name);
    }

    /** An object repository that holds nothing (no matching objects exist). */
    @SuppressWarnings("unchecked")
    public static <T> T empty(Class<T> type) {
        return (T) Proxy.newProxyInstance(TestInstance.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "list" -> List.of();
                    case "count" -> 0L;
                    case "find", "findByName" -> Optional.empty();
                    case "kind" -> type.getSimpleName();
                    case "toString" -> "empty " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The consumer's configuration, every key empty unless given. */
    public static ConsumerConfig config(Map<String, String> values) {
        return (ConsumerConfig) Proxy.newProxyInstance(TestInstance.class.getClassLoader(), new Class<?>[] {ConsumerConfig.class},
                (proxy, method, args) -> method.getName().equals("annotationType")
                        ? (Class<? extends Annotation>) ConsumerConfig.class
                        : values.getOrDefault(method.getName(), ""));
    }

    /** Stored documents: the row is kept only when writing the files succeeded, as in one transaction. */
    public static final class Documents implements DocumentRepository {
        public final List<Document> stored = new CopyOnWriteArrayList<>();
        private final AtomicLong ids = new AtomicLong();

        @Override
        public Document create(Document document, FileStep files) {
            Document withId = new Document(ids.incrementAndGet(), document.title(), document.content(),
                    document.correspondentId(), document.documentTypeId(), document.storagePathId(), document.tagIds(),
                    document.created(), Instant.now(), Instant.now(), document.checksum(), document.archiveChecksum(),
                    null, null, null, document.originalFilename(), document.mimeType(), document.pageCount(), null,
                    List.of(), List.of());
            try {
                Document written = files.write(withId);
                stored.add(written);
                return written;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Optional<Document> findByChecksum(String checksum) {
            return stored.stream().filter(d -> checksum.equals(d.checksum())).findFirst();
        }

        @Override
        public long count() {
            return stored.size();
        }

        @Override
        public List<Document> list(int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> listAfter(long afterId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.paperless.api.storage.DocumentQuery.Page query(org.paperless.api.storage.DocumentQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> listModifiedSince(Instant since, long afterId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> lastModified() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Long> idsAfter(long afterId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> createAll(List<Document> documents) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Document> find(long id) {
            return stored.stream().filter(d -> d.id() == id).findFirst();
        }

        @Override
        public Document create(Document document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Document update(Document document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> updateAll(List<Document> documents) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Document updateFiles(FileChange change) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void updateAllFiles(List<FileChange> changes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.paperless.api.Note addNote(long documentId, String text, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.paperless.api.CustomFieldInstance setCustomField(long documentId, long fieldId, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int modifyCustomFields(java.util.Collection<Long> documentIds, java.util.Map<Long, String> values,
                java.util.Set<Long> attach, java.util.Set<Long> remove) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean deleteNote(long documentId, long noteId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> moveToTrash(List<Long> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Trashed> trash() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> trashedAt(long id) {
            return Optional.empty();
        }

        @Override
        public List<Document> restore(List<Long> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> emptyTrash(List<Long> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Document> emptyTrash(Instant olderThan) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Duration emptyTrashDelay() {
            throw new UnsupportedOperationException();
        }
    }

    private record Folders(Path data, Path consumption) implements DataFolders {
        @Override
        public Path media() {
            return data.resolve("media");
        }

        @Override
        public Path index() {
            return data.resolve("index");
        }

        @Override
        public Path log() {
            return data.resolve("log");
        }
    }

    /** Media files written to a temporary name, then renamed, never over an existing file. */
    private record Media(Path root, BiConsumer<String, String> beforeWrite) implements MediaStore {
        @Override
        public Path write(MediaArea area, String relativeName, InputStream data) throws IOException {
            beforeWrite.accept(area.folder(), relativeName);
            Path target = resolve(area, relativeName);
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".write", ".tmp");
            Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(temp, target);
        }

        @Override
        public Path resolve(MediaArea area, String relativeName) {
            return root.resolve(area.folder()).resolve(relativeName);
        }

        @Override
        public boolean delete(MediaArea area, String relativeName) throws IOException {
            return Files.deleteIfExists(resolve(area, relativeName));
        }
    }

    /** Waits for something the watcher does on its own thread. */
    public static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
