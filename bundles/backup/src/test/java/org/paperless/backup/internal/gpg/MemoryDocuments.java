package org.paperless.backup.internal.gpg;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.paperless.api.Correspondent;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.NotFoundException;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.storage.CollectionImport;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository.FileChange;
import org.paperless.api.storage.DocumentRepository;

/**
 * The stored documents as a list in memory, for tests of the backup bundle without a database (as the consumer's
 * tests keep theirs): the repository methods the decrypter and the importer use, and a collection import that
 * keeps a transaction's documents only when the work returns. Files are real, in the test's folders.
 */
public final class MemoryDocuments {

    private final Map<Long, Document> stored = new TreeMap<>();
    private long nextId = 1;
    /** Called with each change before it is stored; throwing there stands for the database failing. */
    public volatile FileChangeHook beforeUpdate = change -> { };
    /** Called with each change after it is stored; throwing there stands for a kill right after the commit. */
    public volatile FileChangeHook afterUpdate = change -> { };

    @FunctionalInterface
    public interface FileChangeHook {
        void accept(FileChange change);
    }

    public synchronized Document add(Document document) {
        Document withId = with(document, nextId++, document.filename(), document.archiveFilename(),
                document.checksum(), document.archiveChecksum());
        stored.put(withId.id(), withId);
        return withId;
    }

    public synchronized Document get(long id) {
        return stored.get(id);
    }

    public synchronized List<Document> all() {
        return new ArrayList<>(stored.values());
    }

    public DocumentRepository repository() {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "count" -> (long) all().size();
            case "listAfter" -> all().stream().filter(d -> d.id() > (long) args[0]).limit((int) args[1]).toList();
            case "find" -> Optional.ofNullable(get((long) args[0]));
            case "get" -> Optional.ofNullable(get((long) args[0])).orElseThrow(() -> new NotFoundException("no " + args[0]));
            case "findByChecksum" -> all().stream().filter(d -> args[0].equals(d.checksum())
                    || args[0].equals(d.archiveChecksum())).findFirst();
            case "updateFiles" -> updateFiles((FileChange) args[0]);
            case "toString" -> "documents in memory";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
        };
        return (DocumentRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DocumentRepository.class}, handler);
    }

    private Document updateFiles(FileChange change) {
        beforeUpdate.accept(change);
        Document updated;
        synchronized (this) {
            Document d = stored.get(change.id());
            updated = with(d, d.id(), change.filename(), change.archiveFilename(),
                    change.checksum() == null ? d.checksum() : change.checksum(), change.archiveChecksum());
            stored.put(d.id(), updated);
        }
        afterUpdate.accept(change);
        return updated;
    }

    /** One transaction: the documents are kept when the work returns, none when it throws. */
    public CollectionImport collection() {
        return new CollectionImport() {
            @Override
            public <R> R inOneTransaction(Work<R> work) throws IOException {
                List<Document> added = new ArrayList<>();
                long[] id = {nextId};
                R result = work.run(new Session() {
                    @Override
                    public boolean empty() {
                        return all().isEmpty();
                    }

                    @Override
                    public Correspondent add(Correspondent correspondent) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public DocumentType add(DocumentType type) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public StoragePath add(StoragePath path) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public Tag add(Tag tag) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public CustomField add(CustomField field) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public Document add(Document document, DocumentRepository.FileStep files) throws IOException {
                        Document written = files.write(with(document, id[0]++, document.filename(),
                                document.archiveFilename(), document.checksum(), document.archiveChecksum()));
                        added.add(written);
                        return written;
                    }

                    @Override
                    public CustomFieldInstance add(CustomFieldInstance value) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public org.paperless.api.SavedView add(org.paperless.api.SavedView view) {
                        throw new UnsupportedOperationException("no saved views in these tests");
                    }

                    @Override
                    public void own(org.paperless.api.security.ObjectType type, long objectId, String owner) {
                        throw new UnsupportedOperationException("no objects in these tests");
                    }

                    @Override
                    public void grant(org.paperless.api.security.ObjectType type, long objectId,
                            org.paperless.api.security.Grants grants) {
                        throw new UnsupportedOperationException("no grants in these tests");
                    }
                });
                synchronized (MemoryDocuments.this) {
                    added.forEach(d -> stored.put(d.id(), d));
                    nextId = id[0];
                }
                return result;
            }
        };
    }

    /** Everything under one folder, as a fresh instance lays it out. */
    public static DataFolders folders(Path root) {
        return new DataFolders() {
            @Override
            public Path data() {
                return root;
            }

            @Override
            public Path media() {
                return root.resolve("media");
            }

            @Override
            public Path consumption() {
                return root.resolve("consume");
            }

            @Override
            public Path index() {
                return root.resolve("index");
            }

            @Override
            public Path log() {
                return root.resolve("log");
            }
        };
    }

    private static Document with(Document d, long id, String filename, String archiveFilename, String checksum,
            String archiveChecksum) {
        return new Document(id, d.title(), d.content(), d.correspondentId(), d.documentTypeId(), d.storagePathId(),
                d.tagIds(), d.created(), d.modified(), d.added(), checksum, archiveChecksum, d.archiveSerialNumber(),
                filename, archiveFilename, d.originalFilename(), d.mimeType(), d.pageCount(), d.owner(), d.notes(),
                d.customFields());
    }
}
