package org.paperless.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
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
import org.paperless.api.consumer.ConsumptionPause;
import org.paperless.api.index.SearchException;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRules;
import org.paperless.api.security.UserDirectory;
import org.paperless.api.storage.CollectionImport;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.backup.internal.gpg.ExportDecryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * document_importer, all or nothing: the media folder's free space is checked against the export's size
 * and every file the manifest names against its checksum before anything is written; then one database
 * transaction takes every record, the files are put into the media folder as the documents are stored
 * (checked again while copied, and noted in a journal), and a failure removes what the import wrote.
 * When the database fails during the commit itself, whether it committed is asked of the database
 * before any file is removed. The index is rebuilt afterwards. Mail accounts and rules are checked with
 * everything else, but stored right after the commit (see {@link MailImport}).
 */
// Immediate: a killed import is cleaned up at start (paperless:status waits for it), not at the next import.
@Component(service = Importer.class, immediate = true)
public class ImporterComponent implements Importer {

    static final String JOURNAL = "import.journal";
    private static final Logger LOG = LoggerFactory.getLogger(ImporterComponent.class);
    private static final int LISTED = 10;
    /** Room kept free beyond the export's size: the database, the index and the log grow too. */
    /** How long documents being consumed may take to finish before an import gives up. */
    static final Duration PAUSE_WAIT = Duration.ofMinutes(2);

    private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();
    private final CollectionImport collection;
    private final DocumentRepository documents;
    private final MediaStore media;
    private final DataFolders folders;
    private final SchemaMigrations migrations;
    private final MailAccounts mailAccounts;
    private final MailRules mailRules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SearchIndex index;

    /** Where the export's users and groups are made; without it they are not (and the log says so). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory directory;

    /** Held for the whole import, so no consumed document comes between the emptiness check and the commit. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConsumptionPause consumption;

    @Activate
    public ImporterComponent(@Reference CollectionImport collection, @Reference DocumentRepository documents,
            @Reference MediaStore media, @Reference DataFolders folders, @Reference SchemaMigrations migrations,
            @Reference MailAccounts mailAccounts, @Reference MailRules mailRules) throws IOException {
        this.collection = collection;
        this.mailAccounts = mailAccounts;
        this.mailRules = mailRules;
        this.documents = documents;
        this.media = media;
        this.folders = folders;
        this.migrations = migrations;
        try {
            recover();
        } catch (IOException | RuntimeException e) {
            LOG.warn("An import that did not finish could not be cleaned up yet ({}); the next import tries again",
                    e.getMessage());
        }
    }

    @Override
    public ImportReport importFrom(Path path, ImportOptions options, Progress progress) throws IOException {
        // One import at a time in this instance: the journal's own lock is taken only after the recovery
        // below, and a second import in between would take the first one's fresh journal for a leftover.
        if (!running.tryLock()) {
            throw new IOException("Another import is running: wait for it to finish");
        }
        try {
            return importOnce(path, options, progress);
        } finally {
            running.unlock();
        }
    }

    private ImportReport importOnce(Path path, ImportOptions options, Progress progress) throws IOException {
        Progress told = progress == null ? Progress.NONE : progress;
        ImportOptions given = options == null ? ImportOptions.DEFAULT : options;
        recover();
        ObjectMapper mapper = Json.mapper();
        try (ExportSource source = ExportSource.open(path)) {
            Origin origin = Origin.read(source, mapper, migrations.latest());
            // A wrong passphrase stops here.
            Secrets secrets = origin.encryption().isObject() ? Secrets.open(origin.encryption(), given.passphrase()) : null;
            // Files of storage_type gpg records that are still encrypted: decrypted with the same passphrase.
            ExportDecryption decryption = new ExportDecryption(given.passphrase(), ExportSource.MAX_FILE_BYTES);
            if (!given.dataOnly()) {
                FreeSpace.check(source.totalBytes(), folders.media());
                checkFiles(source, mapper, decryption);
            }
            ManifestObjects objects = ManifestObjects.read(source, mapper);
            MailImport mail = MailImport.prepare(objects.mailAccounts(), objects.mailRules(),
                    Passwords.of(origin, secrets, given.passphrase()), mailAccounts, mailRules);
            Counts counts;
            IOException mailFailed = null;
            try (ConsumptionPause.Held paused = pauseConsumption(path)) {
                counts = store(source, mapper, objects, given, decryption, told);
                try {
                    mail.store(mailAccounts, mailRules, counts.ids);
                } catch (IOException e) {
                    mailFailed = e;
                }
            }
            reindex();
            makeAccounts(objects.permissions());
            if (mailFailed != null) {
                throw mailFailed;
            }
            Map<String, Long> imported = new TreeMap<>(objects.counts());
            imported.put(ManifestFiles.DOCUMENT, counts.documents);
            imported.put(ManifestFiles.MAIL_ACCOUNT, mail.accounts());
            imported.put(ManifestFiles.MAIL_RULE, mail.rules());
            Map<String, Long> skipped = new TreeMap<>(objects.skipped());
            counts.skipped.forEach((what, n) -> skipped.merge(what, n, Long::sum));
            mail.skipped().forEach((what, n) -> skipped.merge(what, n, Long::sum));
            LOG.info("Imported {} documents and {} mail accounts with {} rules from {} ({}); skipped {}", counts.documents,
                    mail.accounts(), mail.rules(), path, origin.describe(), skipped);
            return new ImportReport(origin.describe(), imported, skipped, counts.files);
        }
    }

    /**
     * The users and groups the realm lacks, made after the commit (the realm is no database): without a password,
     * so that nobody logs in as them until one is set.
     */
    private void makeAccounts(PermissionImport permissions) {
        if (permissions.userCount() == 0 && permissions.groupCount() == 0) {
            return;
        }
        UserDirectory users = directory;
        if (users == null) {
            LOG.warn("The export's {} users and {} groups were not made: the security bundle is not running. Their "
                    + "documents keep their owners; make the users with jaas:user-add", permissions.userCount(),
                    permissions.groupCount());
            return;
        }
        PermissionImport.Accounts made;
        try {
            made = permissions.makeAccounts(users);
        } catch (RuntimeException e) {
            // The collection is committed: a realm that refuses (read-only, unreachable) must not undo its report.
            LOG.warn("The import is complete, but its {} users and {} groups could not all be made ({}). Their documents"
                    + " keep their owners; make the users with jaas:user-add", permissions.userCount(),
                    permissions.groupCount(), e.getMessage());
            return;
        }
        LOG.info("Made {} users (without a password: set one with jaas:user-add NAME PASSWORD, or PATCH /api/users/ID/) "
                + "and {} groups; {} users were there already and are unchanged", made.usersMade(), made.groupsMade(),
                made.usersKept());
    }

    /** Files in the consume folder wait there meanwhile; without the consumer running there is nothing to hold. */
    private ConsumptionPause.Held pauseConsumption(Path path) throws IOException {
        ConsumptionPause pause = consumption;
        if (pause == null) {
            return () -> { };
        }
        try {
            return pause.pause("an import from " + path.getFileName() + " runs", PAUSE_WAIT);
        } catch (IllegalStateException e) {
            throw new IOException("Nothing was imported: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Nothing was imported: interrupted while waiting for consumption to pause", e);
        }
    }


    /** Every named file present and as the manifest says (encrypted ones once decrypted), before anything is written. */
    private static void checkFiles(ExportSource source, ObjectMapper mapper, ExportDecryption decryption)
            throws IOException {
        ExportCheck.Result check = ExportCheck.run(source, mapper, Progress.NONE, decryption::open);
        if (check.missing().isEmpty() && check.changed().isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Nothing was imported: the export is damaged.");
        if (!check.missing().isEmpty()) {
            message.append(" Missing: ").append(listed(check.missing())).append('.');
        }
        if (!check.changed().isEmpty()) {
            message.append(" Checksum differs from the manifest (for a thumbnail without one: not a PNG or WebP image): ")
                    .append(listed(check.changed())).append('.');
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
        /** The export's pks mapped to this instance's ids, once the objects are stored. */
        IdMaps ids = new IdMaps();
    }

    private Counts store(ExportSource source, ObjectMapper mapper, ManifestObjects objects, ImportOptions options,
            ExportDecryption decryption, Progress progress) throws IOException {
        Path journalFile = folders.data().resolve(JOURNAL);
        ImportJournal journal;
        try {
            journal = ImportJournal.start(journalFile);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Another import is running (" + journalFile + " is held): wait for it to finish");
        }
        Counts counts = new Counts();
        boolean[] workDone = {false};
        try {
            collection.inOneTransaction(session -> {
                if (!session.empty()) {
                    throw new IllegalStateException("This instance already holds documents or objects: import into a "
                            + "fresh instance (an empty data folder, or a new database)");
                }
                IdMaps ids = objects.insert(session);
                counts.ids = ids;
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
                                    : placeFiles(source, record, added, journal, counts, decryption));
                            documentIds.put(pk, stored.id());
                            progress.update(++counts.documents, objects.documents());
                        });
                    }
                }
                addLinks(session, objects, ids, documentIds);
                objects.storeViewsAndPermissions(session, ids, documentIds);
                workDone[0] = true;
                return null;
            });
        } catch (IOException | RuntimeException e) {
            if (!workDone[0]) {
                journal.rolledBack(); // thrown inside the transaction, which was rolled back: nothing of it is stored
                throw e;
            }
            commitFailed(journal, journalFile, e);
            return counts;
        } catch (Error e) {
            // Out of memory, say: the transaction did not commit; its files go, the journal's lock is let go.
            if (!workDone[0]) {
                journal.rolledBack();
            } else {
                journal.close();
            }
            throw e;
        }
        journal.committed();
        return counts;
    }

    /**
     * The database failed while committing: the documents may be stored. The database is asked before any
     * file goes; when it cannot answer, the files and the journal stay until it can (next import or start).
     */
    private void commitFailed(ImportJournal journal, Path journalFile, Exception e) throws IOException {
        journal.close();
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        ImportJournal.Outcome outcome;
        try {
            outcome = ImportJournal.recover(journalFile, documents::findByChecksum);
        } catch (RuntimeException unreachable) {
            LOG.warn("The import's commit failed and the database cannot say whether it happened: its files stay until "
                    + "it can ({})", unreachable.getMessage());
            throw new IOException("The import's commit failed (" + cause + ") and the database cannot say whether it "
                    + "happened. Nothing is removed until it can: when the database is back, run paperless:import again or "
                    + "restart, and the files of an import that did not commit are removed");
        }
        if (outcome != ImportJournal.Outcome.COMMITTED) {
            throw new IOException("The import's commit failed (" + cause + "); what it wrote was removed", e);
        }
        LOG.warn("The import's commit reported a failure ({}), but the database holds its documents", cause);
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

    /**
     * The document's files under its names in this instance; the thumbnail is named after the new id. Files of a
     * storage_type gpg record are stored decrypted, under their names without .gpg.
     */
    private Document placeFiles(ExportSource source, JsonNode record, Document stored, ImportJournal journal,
            Counts counts, ExportDecryption decryption) throws IOException {
        String originalName = ExportDecryption.plainName(record, text(record, ManifestFiles.FILE_NAME));
        String original = mediaName(ExportDecryption.plainName(record, stored.filename()),
                String.format(Locale.ROOT, "%07d", stored.id()) + ExportNames.extension(originalName));
        Copy copy = new Copy(source, journal, counts, null, decryption);
        String checksum = copy.put(record, ManifestFiles.FILE_NAME, MediaArea.ORIGINALS, original);
        copy = new Copy(source, journal, counts, checksum, decryption);
        String archive = null;
        String archiveChecksum = null;
        if (text(record, ManifestFiles.ARCHIVE_NAME) != null) {
            archive = mediaName(ExportDecryption.plainName(record, stored.archiveFilename()),
                    String.format(Locale.ROOT, "%07d.pdf", stored.id()));
            archiveChecksum = copy.put(record, ManifestFiles.ARCHIVE_NAME, MediaArea.ARCHIVE, archive);
        }
        String thumbnail = text(record, ManifestFiles.THUMBNAIL_NAME);
        if (thumbnail != null) {
            String extension = ExportNames.extension(ExportDecryption.plainName(record, thumbnail));
            copy.put(record, ManifestFiles.THUMBNAIL_NAME, MediaArea.THUMBNAILS, String.format(Locale.ROOT, "%07d",
                    stored.id()) + (extension.equals(".webp") ? ".webp" : ".png"));
        }
        // SHA-256 of what was written: the manifest's own for our exports; paperless-ngx 2.x kept MD5.
        return new Document(stored.id(), stored.title(), stored.content(), stored.correspondentId(),
                stored.documentTypeId(), stored.storagePathId(), stored.tagIds(), stored.created(), stored.modified(),
                stored.added(), checksum, archiveChecksum, stored.archiveSerialNumber(), original, archive,
                stored.originalFilename(), stored.mimeType(), stored.pageCount(), stored.owner(), stored.notes(),
                stored.customFields());
    }

    /**
     * The name the source instance gave the file, when it is a safe one; else the id's. A name with a part
     * starting with a dot is never taken: the media store keeps such names for its temporary files and
     * removes them at start ({@code .tmp-*.part}).
     */
    static String mediaName(String given, String byId) {
        if (given == null || given.isBlank()) {
            return byId;
        }
        String checked;
        try {
            checked = SafeName.check(given);
        } catch (IllegalArgumentException e) {
            return byId;
        }
        for (String part : checked.split("/")) {
            if (part.isEmpty() || part.startsWith(".")) {
                return byId;
            }
        }
        return checked;
    }

    /** Copies a document's files into the media folder, each checked against the manifest while copied. */
    private final class Copy {

        private final ExportSource source;
        private final ImportJournal journal;
        private final Counts counts;
        /** The SHA-256 of the document's original, once copied: the journal finds the document by it. */
        private final String document;
        private final ExportDecryption decryption;

        Copy(ExportSource source, ImportJournal journal, Counts counts, String document, ExportDecryption decryption) {
            this.source = source;
            this.journal = journal;
            this.counts = counts;
            this.document = document;
            this.decryption = decryption;
        }

        /** Copies the file the record names under {@code key}; its SHA-256. */
        String put(JsonNode record, String key, MediaArea area, String target) throws IOException {
            String name = text(record, key);
            if (name == null) {
                throw new IOException("a document record names no original file (" + ManifestFiles.FILE_NAME + ")");
            }
            String expected = ExportCheck.checksumOf(record, key);
            Path path = media.resolve(area, target);
            MessageDigest sha256 = Checksums.digest("SHA-256");
            boolean md5 = expected != null && Checksums.algorithmOf(expected).equals("MD5");
            MessageDigest asManifest = md5 ? Checksums.digest("MD5") : sha256;
            try (InputStream in = data(record, name, expected)) {
                InputStream hashed = new DigestInputStream(in, sha256);
                MediaPlacement.write(path, md5 ? new DigestInputStream(hashed, asManifest) : hashed, () -> {
                    // The export may have changed since it was checked: what was copied is what counts.
                    if (expected != null && !expected.equalsIgnoreCase(checksumOf(asManifest))) {
                        throw new IOException("Nothing was imported: " + name + " changed in the export while it was"
                                + " imported; its checksum no longer matches the manifest");
                    }
                }, journal, placed -> journal.placed(placed, area, target, checksumOf(sha256), document == null
                        ? checksumOf(sha256) : document));
            }
            counts.files++;
            return checksumOf(sha256);
        }

        /** A thumbnail without a checksum is read whole (it is small) and must still be an image. */
        private InputStream data(JsonNode record, String name, String expected) throws IOException {
            if (expected != null) {
                return decryption.open(record, name, source.open(name));
            }
            try (InputStream in = decryption.open(record, name, source.open(name))) {
                byte[] bytes = in.readNBytes(ThumbnailCheck.MAX_BYTES + 1);
                if (bytes.length > ThumbnailCheck.MAX_BYTES || !ThumbnailCheck.isImage(bytes)) {
                    throw new IOException("Nothing was imported: " + name + " changed in the export while it was imported;"
                            + " it is no longer a PNG or WebP thumbnail");
                }
                return new java.io.ByteArrayInputStream(bytes);
            }
        }
    }

    /** SHA-256 digests are read once: a copy is taken so that the digest can be read twice. */
    private static String checksumOf(MessageDigest digest) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of every Java runtime can be cloned", e);
        }
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

    /** Cleans up after an earlier import that did not finish; refuses to go on while another one runs. */
    private void recover() throws IOException {
        if (ImportJournal.recover(folders.data().resolve(JOURNAL), documents::findByChecksum)
                == ImportJournal.Outcome.RUNNING) {
            throw new IOException("Another import is running (" + folders.data().resolve(JOURNAL)
                    + " is held): wait for it to finish");
        }
    }
}
