package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.Document;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.backup.ImportReport;
import org.paperless.api.backup.Importer;
import org.paperless.api.backup.Progress;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.storage.CollectionImport;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * document_importer, all or nothing: every file the manifest names is checked against its checksum
 * before anything is written; then one database transaction takes every record, the files are put into
 * the media folder as the documents are stored (each one noted in a journal first), and a failure
 * removes them again. The index is rebuilt afterwards.
 */
@Component(service = Importer.class)
public class ImporterComponent implements Importer {

    static final String JOURNAL = "import.journal";
    private static final Logger LOG = LoggerFactory.getLogger(ImporterComponent.class);
    private static final int LISTED = 10;

    private final CollectionImport collection;
    private final DocumentRepository documents;
    private final MediaStore media;
    private final DataFolders folders;
    private final SchemaMigrations migrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchIndex index;

    @Activate
    public ImporterComponent(@Reference CollectionImport collection, @Reference DocumentRepository documents,
            @Reference MediaStore media, @Reference DataFolders folders, @Reference SchemaMigrations migrations)
            throws IOException {
        this.collection = collection;
        this.documents = documents;
        this.media = media;
        this.folders = folders;
        this.migrations = migrations;
        recover();
    }

    @Override
    public ImportReport importFrom(Path path, ImportOptions options, Progress progress) throws IOException {
        Progress told = progress == null ? Progress.NONE : progress;
        ImportOptions given = options == null ? ImportOptions.DEFAULT : options;
        recover();
        ObjectMapper mapper = Json.mapper();
        try (ExportSource source = ExportSource.open(path)) {
            Origin origin = Origin.read(source, mapper, migrations.latest());
            if (origin.encryption().isObject()) {
                Secrets.open(origin.encryption(), given.passphrase()); // a wrong passphrase stops here
            }
            if (!given.dataOnly()) {
                checkFiles(source, mapper);
            }
            ManifestObjects objects = ManifestObjects.read(source, mapper);
            Counts counts = store(source, mapper, objects, given, told);
            reindex();
            Map<String, Long> imported = new TreeMap<>(objects.counts());
            imported.put(ManifestFiles.DOCUMENT, counts.documents);
            Map<String, Long> skipped = new TreeMap<>(objects.skipped());
            counts.skipped.forEach((what, n) -> skipped.merge(what, n, Long::sum));
            LOG.info("Imported {} documents from {} ({}); skipped {}", counts.documents, path, origin.describe(), skipped);
            return new ImportReport(origin.describe(), imported, skipped, counts.files);
        }
    }

    /** Every named file present and as the manifest says, before anything is written. */
    private static void checkFiles(ExportSource source, ObjectMapper mapper) throws IOException {
        ExportCheck.Result check = ExportCheck.run(source, mapper, Progress.NONE);
        if (check.missing().isEmpty() && check.changed().isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Nothing was imported: the export is damaged.");
        if (!check.missing().isEmpty()) {
            message.append(" Missing: ").append(listed(check.missing())).append('.');
        }
        if (!check.changed().isEmpty()) {
            message.append(" Checksum differs from the manifest: ").append(listed(check.changed())).append('.');
        }
        throw new IOException(message.append(" Export again, or restore these files from another copy.").toString());
    }

    private static String listed(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() > LISTED ? shown + " and " + (names.size() - LISTED) + " more" : shown;
    }

    /** What the transaction stored. */
    private static final class Counts {
        long documents;
        long files;
        final Map<String, Long> skipped = new TreeMap<>();
    }

    private Counts store(ExportSource source, ObjectMapper mapper, ManifestObjects objects, ImportOptions options,
            Progress progress) throws IOException {
        Path journalFile = folders.data().resolve(JOURNAL);
        ImportJournal journal = ImportJournal.start(journalFile);
        Counts counts = new Counts();
        try {
            collection.inOneTransaction(session -> {
                if (!session.empty()) {
                    throw new IllegalStateException("This instance already holds documents or objects: import into a "
                            + "fresh instance (an empty data folder, or a new database)");
                }
                IdMaps ids = objects.insert(session);
                Map<Long, Long> documentIds = new HashMap<>();
                for (String manifest : source.manifests()) {
                    try (InputStream in = source.open(manifest)) {
                        ManifestReader.forEach(mapper, in, manifest, record -> {
                            if (!ManifestFiles.DOCUMENT.equals(record.path("model").asText())) {
                                return;
                            }
                            String skip = skipped(record);
                            if (skip != null) {
                                counts.skipped.merge(skip, 1L, Long::sum);
                                return;
                            }
                            long pk = record.path("pk").asLong();
                            Document d = RecordMapping.document(record, ids, objects.notes(pk), objects.values(pk, ids),
                                    objects.users());
                            Document stored = session.add(d, added -> options.dataOnly() ? added
                                    : placeFiles(source, record, added, journal, counts));
                            documentIds.put(pk, stored.id());
                            progress.update(++counts.documents, objects.documents());
                        });
                    }
                }
                addLinks(session, objects, ids, documentIds);
                return null;
            });
            journal.committed();
            return counts;
        } catch (IOException | RuntimeException e) {
            journal.rolledBack();
            throw e;
        }
    }

    /** paperless-ngx 3 exports documents in its trash and earlier versions of a document: we keep neither. */
    private static String skipped(JsonNode record) {
        JsonNode fields = record.path("fields");
        if (fields.path("deleted_at").isTextual()) {
            return ManifestFiles.DOCUMENT + " (in the trash)";
        }
        if (fields.path("root_document").isNumber()) {
            return ManifestFiles.DOCUMENT + " (earlier version of another document)";
        }
        return null;
    }

    /** Document links, once every document has its id in this instance; links to documents not imported go. */
    private static void addLinks(CollectionImport.Session session, ManifestObjects objects, IdMaps ids,
            Map<Long, Long> documentIds) {
        for (Map.Entry<Long, Long> document : documentIds.entrySet()) {
            for (CustomFieldInstance link : objects.links(document.getKey(), ids)) {
                String mapped = link.value() == null ? null : CustomFieldValues.documentIds(link.value()).stream()
                        .map(documentIds::get).filter(Objects::nonNull).map(String::valueOf)
                        .collect(Collectors.joining(","));
                session.add(new CustomFieldInstance(null, document.getValue(), link.fieldId(), mapped));
            }
        }
    }

    /** The document's files under its names in this instance; the thumbnail is named after the new id. */
    private Document placeFiles(ExportSource source, JsonNode record, Document stored, ImportJournal journal,
            Counts counts) throws IOException {
        String originalName = text(record, ManifestFiles.FILE_NAME);
        String original = mediaName(stored.filename(),
                String.format(Locale.ROOT, "%07d", stored.id()) + ExportNames.extension(originalName));
        String checksum = put(source, originalName, MediaArea.ORIGINALS, original, journal, counts);
        String archive = null;
        String archiveChecksum = null;
        String archiveName = text(record, ManifestFiles.ARCHIVE_NAME);
        if (archiveName != null) {
            archive = mediaName(stored.archiveFilename(), String.format(Locale.ROOT, "%07d.pdf", stored.id()));
            archiveChecksum = put(source, archiveName, MediaArea.ARCHIVE, archive, journal, counts);
        }
        String thumbnail = text(record, ManifestFiles.THUMBNAIL_NAME);
        if (thumbnail != null) {
            String extension = ExportNames.extension(thumbnail);
            put(source, thumbnail, MediaArea.THUMBNAILS, String.format(Locale.ROOT, "%07d", stored.id())
                    + (extension.equals(".webp") ? ".webp" : ".png"), journal, counts);
        }
        // SHA-256 of what was written: the manifest's own for our exports; paperless-ngx 2.x kept MD5.
        return new Document(stored.id(), stored.title(), stored.content(), stored.correspondentId(),
                stored.documentTypeId(), stored.storagePathId(), stored.tagIds(), stored.created(), stored.modified(),
                stored.added(), checksum, archiveChecksum, stored.archiveSerialNumber(), original, archive,
                stored.originalFilename(), stored.mimeType(), stored.pageCount(), stored.owner(), stored.notes(),
                stored.customFields());
    }

    /** The name the source instance gave the file, when it is a safe one; else the id's. */
    private static String mediaName(String given, String byId) {
        if (given == null || given.isBlank()) {
            return byId;
        }
        try {
            return SafeName.check(given);
        } catch (IllegalArgumentException e) {
            return byId;
        }
    }

    /** Copies one file into the media folder, noted in the journal first; its SHA-256. */
    private String put(ExportSource source, String name, MediaArea area, String target, ImportJournal journal,
            Counts counts) throws IOException {
        if (name == null) {
            throw new IOException("a document record names no original file (" + ManifestFiles.FILE_NAME + ")");
        }
        Path path = media.resolve(area, target);
        if (Files.exists(path)) {
            // Never noted in the journal: undoing the import must not take a file it did not write.
            throw new FileAlreadyExistsException(path.toString(), null,
                    "already in the media folder; import into an instance with an empty media folder");
        }
        journal.add(path);
        MessageDigest digest = Checksums.digest("SHA-256");
        try (InputStream in = new DigestInputStream(source.open(name), digest)) {
            media.write(area, target, in);
        }
        counts.files++;
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String text(JsonNode record, String key) {
        JsonNode value = record.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private void reindex() {
        SearchIndex current = index;
        if (current == null) {
            LOG.info("The index is not running: it will take the imported documents in when it starts");
            return;
        }
        try {
            current.reindex(true, null);
        } catch (SearchException e) {
            LOG.warn("The index could not be rebuilt after the import ({}); run paperless:index reindex", e.getMessage());
        }
    }

    private void recover() throws IOException {
        ImportJournal.recover(folders.data().resolve(JOURNAL), documents.count() > 0);
    }
}
