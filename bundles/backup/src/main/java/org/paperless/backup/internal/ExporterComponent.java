package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.SavedView;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.backup.Exporter;
import org.paperless.api.backup.Progress;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.MailRules;
import org.paperless.api.security.Access;
import org.paperless.api.security.Grants;
import org.paperless.api.security.ObjectType;
import org.paperless.api.security.UserDirectory;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.PermissionRepository;
import org.paperless.api.storage.SavedViewRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.paperless.api.storage.WebpEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * document_exporter: the objects, then the documents with their files, notes and custom field values,
 * streamed in batches; the manifest is renamed into place only at the end, so an interrupted export
 * leaves the previous one usable.
 * <p>
 * The instance keeps working meanwhile, so the export is consistent document by document: a document's
 * record, notes and values come from one read, its files are hashed while copied and must match the
 * checksums of that read (else the document is read again, and left out with a warning when it was
 * deleted or keeps changing), and an object a document refers to that appeared after the objects were
 * listed is added before the document. Every record in the manifest thus names files in the export with
 * the checksums they have there.
 */
@Component(service = Exporter.class)
public class ExporterComponent implements Exporter {

    static final int BATCH = 100;
    /** Reads of a document whose files keep changing before it is left out of the export. */
    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ExporterComponent.class);

    private final Collection collection;
    /** The users and groups; without the security bundle only the owners' names are exported, as users. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile UserDirectory directory;
    /** Makes the PNG thumbnails of older documents WebP for paperless-ngx; without it they are left out. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile WebpEncoder webp;
    private final MediaStore media;
    private final SchemaMigrations migrations;
    private final String version;

    @Activate
    public ExporterComponent(BundleContext context, @Reference DocumentRepository documents,
            @Reference CorrespondentRepository correspondents, @Reference TagRepository tags,
            @Reference DocumentTypeRepository types, @Reference StoragePathRepository paths,
            @Reference CustomFieldRepository fields, @Reference MailAccounts mailAccounts, @Reference MailRules mailRules,
            @Reference MediaStore media, @Reference SchemaMigrations migrations, @Reference PermissionRepository permissions,
            @Reference SavedViewRepository savedViews) {
        this(new Collection(documents, correspondents, tags, types, paths, fields, mailAccounts, mailRules, permissions,
                savedViews), media, migrations, context.getBundle().getVersion().toString());
    }

    ExporterComponent(Collection collection, MediaStore media, SchemaMigrations migrations, String version) {
        this.collection = collection;
        this.media = media;
        this.migrations = migrations;
        this.version = version;
    }

    @Override
    public ExportReport export(ExportOptions options, Progress progress) throws IOException {
        if (options.target() == null) {
            throw new IllegalArgumentException("Where to? Give the export folder");
        }
        long started = System.nanoTime();
        Progress told = progress == null ? Progress.NONE : progress;
        ObjectMapper mapper = Json.mapper();
        String zipName = options.zipName() == null ? "export-" + LocalDate.now() : options.zipName();
        NgxVersion ngx = NgxVersion.of(options.format());
        Secrets secrets = options.passphrase() == null || ngx != null ? null : Secrets.create(options.passphrase());
        NgxSecrets ngxSecrets = options.passphrase() == null || ngx == null ? null : NgxSecrets.create(options.passphrase());
        try (ExportSink sink = options.zip() ? new ZipSink(options.target(), zipName)
                : new FolderSink(options.target(), options.compareChecksums(), options.compareJson())) {
            Run run = new Run(options, sink, mapper, told, secrets, ngx, ngxSecrets);
            long documents = run.write();
            if (ngx == null) {
                writeMetadata(sink, mapper, secrets);
            } else {
                writeNgxMetadata(sink, mapper, ngx, ngxSecrets);
                run.ngxLeftOut();
            }
            ExportSink.Finished finished = sink.finish(options.delete() && !options.zip());
            LOG.info("Exported {} documents to {}: {} files written, {} unchanged, {} deleted; {} ms in all, "
                    + "of which {} ms waiting for the disk to hold them", documents, finished.location(), sink.copied(),
                    sink.unchanged(), finished.deleted(), (System.nanoTime() - started) / 1_000_000, sink.flushMillis());
            run.warnings.logDocuments();
            return new ExportReport(finished.location(), documents, sink.copied(), sink.unchanged(), finished.deleted(),
                    run.bytes, run.warnings.leftOut(), run.warnings.list());
        }
    }

    private void writeMetadata(ExportSink sink, ObjectMapper mapper, Secrets secrets) throws IOException {
        ObjectNode metadata = mapper.createObjectNode();
        metadata.put("version", version);
        metadata.put("application", ManifestFiles.APPLICATION);
        metadata.put("schema", migrations.current());
        metadata.put("checksum_algorithm", "SHA-256");
        if (secrets != null) {
            metadata.set("encryption", secrets.describe(mapper));
        }
        Path scratch = sink.scratch(ManifestFiles.METADATA);
        mapper.writerWithDefaultPrettyPrinter().writeValue(scratch.toFile(), metadata);
        sink.putGenerated(ManifestFiles.METADATA, scratch);
    }

    /** What that version's exporter writes: its version, and how its secrets are encrypted. */
    private static void writeNgxMetadata(ExportSink sink, ObjectMapper mapper, NgxVersion ngx, NgxSecrets secrets)
            throws IOException {
        ObjectNode metadata = mapper.createObjectNode();
        metadata.put("version", ngx.version());
        if (secrets != null) {
            metadata.set(NgxSecrets.SETTINGS, secrets.settings());
        }
        Path scratch = sink.scratch(ManifestFiles.METADATA);
        mapper.writerWithDefaultPrettyPrinter().writeValue(scratch.toFile(), metadata);
        sink.putGenerated(ManifestFiles.METADATA, scratch);
    }

    /** One export run: its names, its counts. */
    private final class Run {

        private final ExportOptions options;
        private final ExportSink sink;
        private final ObjectMapper mapper;
        private final Records records;
        private final Progress progress;
        /** Encrypts mail account passwords; null without --passphrase, when they are left out. */
        private final Secrets secrets;
        /** The paperless-ngx version written for, its form of the records and its secrets; null for our own. */
        private final NgxVersion ngx;
        private NgxShape shape;
        private final NgxSecrets ngxSecrets;
        /** Thumbnails that could not be made WebP, and why (the first reason). */
        private long thumbnailsLeftOut;
        private String thumbnailProblem;
        private final ExportNames names;
        private final Map<Long, String> correspondentNames = new HashMap<>();
        private final Map<Long, CustomField> fieldTypes = new HashMap<>();
        /** Ids of the objects in the manifest, by kind: a document referring to another one brings it in. */
        private final Set<Long> correspondents = new HashSet<>();
        private final Set<Long> tags = new HashSet<>();
        private final Set<Long> types = new HashSet<>();
        private final Set<Long> paths = new HashSet<>();
        private final Set<Long> fields = new HashSet<>();
        private final ExportWarnings warnings = new ExportWarnings();
        private final PermissionRecords principals;
        /** Owners of objects by type and id, read with the objects. */
        private final Map<ObjectType, Map<Long, Access>> owners = new EnumMap<>(ObjectType.class);
        /** The users written to the manifest, and those the directory knows. */
        private final Set<String> users = new HashSet<>();
        private final Set<String> groups = new HashSet<>();
        private final Map<String, UserDirectory.Account> accounts = new HashMap<>();
        private long bytes;

        Run(ExportOptions options, ExportSink sink, ObjectMapper mapper, Progress progress, Secrets secrets,
                NgxVersion ngx, NgxSecrets ngxSecrets) {
            this.options = options;
            this.secrets = secrets;
            this.ngx = ngx;
            this.ngxSecrets = ngxSecrets;
            this.sink = sink;
            this.mapper = mapper;
            this.records = new Records(mapper, this::ownerPk);
            this.principals = new PermissionRecords(mapper);
            this.progress = progress;
            this.names = new ExportNames(options.useFilenameFormat(), options.useFolderPrefix());
        }

        long write() throws IOException {
            Path scratch = sink.scratch(ManifestFiles.MANIFEST);
            long documents;
            if (ngx != null) {
                shape = new NgxShape(ngx, mapper, new TagTree(collection.tags().list(), mapper), java.time.Instant.now());
            }
            try (ManifestOut manifest = manifest(scratch, true)) {
                // Read before the objects: every tag, type and correspondent a rule names is then in the listing.
                List<MailAccount> accounts = collection.mailAccounts().list();
                List<MailRule> rules = collection.mailRules().list();
                principals(manifest);
                objects(manifest);
                mail(accounts, rules, manifest);
                savedViews(manifest);
                grants(manifest);
                long total = collection.documents().count();
                long[] done = {0};
                walk(d -> {
                    if (export(d, manifest)) {
                        progress.update(++done[0], Math.max(done[0], total));
                    }
                });
                documents = done[0];
            }
            sink.putGenerated(ManifestFiles.MANIFEST, scratch);
            return documents;
        }

        private ManifestOut manifest(Path scratch, boolean main) throws IOException {
            return shape == null ? new ManifestWriter(mapper, scratch) : new NgxManifest(shape, mapper, scratch, main);
        }

        /** What an export for paperless-ngx could not carry, with counts, after the run's other warnings. */
        void ngxLeftOut() {
            NgxLeftOut left = new NgxLeftOut(ngx.version());
            left.trashed(collection.documents().trash().size());
            if (!ngx.models().get(SavedViewImport.VIEW).contains("show_on_dashboard")) {
                left.viewPlaces(collection.savedViews().list().stream()
                        .filter(v -> v.showOnDashboard() || v.showInSidebar()).count());
            }
            left.passwords(users.size());
            synchronized (this) {
                left.thumbnails(thumbnailsLeftOut, thumbnailProblem);
            }
            left.lines().forEach(warnings::add);
        }

        /** The content types and permissions grants point at, the groups, and the users the directory knows. */
        private void principals(ManifestOut manifest) throws IOException {
            for (ObjectType type : ObjectType.values()) {
                manifest.write(principals.contentType(type));
                manifest.write(principals.permission(type, PermissionRecords.VIEW));
                manifest.write(principals.permission(type, PermissionRecords.CHANGE));
            }
            UserDirectory known = directory;
            if (known == null) {
                LOG.warn("The users and groups were left out (the security bundle is not running): only the names of "
                        + "owners are exported, as users without groups");
                return;
            }
            for (UserDirectory.Group g : known.groups()) {
                groups.add(g.name());
                manifest.write(principals.group(g));
            }
            for (UserDirectory.Account a : known.users()) {
                accounts.put(a.name(), a);
                user(a.name(), manifest);
            }
        }

        /** A user record, once, before the first record that names the user. */
        private void user(String name, ManifestOut manifest) throws IOException {
            if (name != null && users.add(name)) {
                manifest.write(principals.user(name, accounts.get(name)));
            }
        }

        private void group(String name, ManifestOut manifest) throws IOException {
            if (groups.add(name)) {
                manifest.write(principals.group(new UserDirectory.Group(name, Set.of())));
            }
        }

        private Long ownerPk(ObjectType type, long id) {
            Access access = owners.getOrDefault(type, Map.of()).get(id);
            return access == null || access.owner() == null ? null : UserDirectory.numberOf(access.owner());
        }

        /** The saved views with their rules, as paperless-ngx writes them. */
        private void savedViews(ManifestOut manifest) throws IOException {
            long rulePk = 0;
            for (SavedView v : collection.savedViews().list()) {
                manifest.write(records.savedView(v));
                for (SavedView.FilterRule rule : v.filterRules()) {
                    manifest.write(records.savedViewRule(++rulePk, v.id(), rule));
                }
            }
        }

        /** Every grant there is now, on documents and objects alike, with the users it names. */
        private void grants(ManifestOut manifest) throws IOException {
            for (ObjectType type : ObjectType.values()) {
                for (Map.Entry<Long, Grants> e : new java.util.TreeMap<>(collection.permissions().grants(type)).entrySet()) {
                    for (String name : e.getValue().viewUsers()) {
                        user(name, manifest);
                    }
                    for (String name : e.getValue().changeUsers()) {
                        user(name, manifest);
                    }
                    // A group the directory no longer has (or none runs): named, so the grant can be read back.
                    for (String name : e.getValue().viewGroups()) {
                        group(name, manifest);
                    }
                    for (String name : e.getValue().changeGroups()) {
                        group(name, manifest);
                    }
                    List<ObjectNode> out = new ArrayList<>();
                    principals.grants(type, e.getKey(), e.getValue(), out::add);
                    for (ObjectNode record : out) {
                        manifest.write(record);
                    }
                }
            }
        }

        /** Every object there is now, each written once, with its owner. */
        private void objects(ManifestOut manifest) throws IOException {
            for (ObjectType type : List.of(ObjectType.CORRESPONDENT, ObjectType.TAG, ObjectType.DOCUMENT_TYPE,
                    ObjectType.STORAGE_PATH, ObjectType.SAVED_VIEW)) {
                owners.put(type, collection.permissions().accessAll(type));
                for (Access access : owners.get(type).values()) {
                    user(access.owner(), manifest);
                }
            }
            for (var c : collection.correspondents().list()) {
                correspondentNames.put(c.id(), c.name());
                if (correspondents.add(c.id())) {
                    manifest.write(records.correspondent(c));
                }
            }
            for (var t : collection.tags().list()) {
                if (tags.add(t.id())) {
                    manifest.write(records.tag(t));
                }
            }
            for (var t : collection.types().list()) {
                if (types.add(t.id())) {
                    manifest.write(records.documentType(t));
                }
            }
            for (var p : collection.paths().list()) {
                if (paths.add(p.id())) {
                    manifest.write(records.storagePath(p));
                }
            }
            for (CustomField f : collection.fields().list()) {
                fieldTypes.put(f.id(), f);
                if (fields.add(f.id())) {
                    manifest.write(records.customField(f));
                }
            }
        }

        /**
         * paperless-ngx's mail records. Passwords are written only encrypted, with --passphrase; without one
         * they are left out (an empty field). A rule whose account came after the listing waits for the next export.
         */
        private void mail(List<MailAccount> accounts, List<MailRule> rules, ManifestOut manifest) throws IOException {
            Set<Long> written = new HashSet<>();
            List<String> leftOut = new ArrayList<>();
            for (MailAccount a : accounts) {
                collection.mailAccounts().passwordProblem(a.id()).ifPresent(warnings::passwordUnreadable);
                String password = a.password();
                boolean encrypted = secrets != null || ngxSecrets != null;
                ObjectNode record = records.mailAccount(a, password.isEmpty() || !encrypted ? ""
                        : secrets != null ? secrets.encrypt(password) : ngxSecrets.encrypt(password));
                if (!password.isEmpty() && !encrypted) {
                    leftOut.add(a.name());
                    record.put(ManifestFiles.PASSWORD_LEFT_OUT, true);
                }
                manifest.write(record);
                written.add(a.id());
            }
            for (MailRule r : rules) {
                if (written.contains(r.accountId())) {
                    manifest.write(records.mailRule(r));
                }
            }
            warnings.passwordsLeftOut(leftOut);
        }

        /** An object created after the listing (by a rule, during consumption) is added before the document. */
        private void referencedObjects(Document d, ManifestOut manifest) throws IOException {
            boolean unknown = d.correspondentId() != null && !correspondents.contains(d.correspondentId())
                    || d.documentTypeId() != null && !types.contains(d.documentTypeId())
                    || d.storagePathId() != null && !paths.contains(d.storagePathId())
                    || !tags.containsAll(d.tagIds())
                    || d.customFields().stream().anyMatch(v -> !fields.contains(v.fieldId()));
            if (unknown) {
                objects(manifest);
            }
        }

        /**
         * The document, read again while its files change under it; false when it is left out (deleted, or
         * changing on every attempt). Its first attempt's files may already be on their way (see {@link #walk}).
         */
        private boolean export(Ahead ahead, ManifestOut manifest) throws IOException {
            Document d = ahead.document();
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                ExportNames.Names files = attempt == 1 ? ahead.names() : names.next(d, correspondentName(d));
                try {
                    ObjectNode record = records.document(d);
                    if (!options.dataOnly()) {
                        put(attempt == 1 && ahead.copy() != null ? ahead.copied() : copyFiles(d, files), files, record);
                    } else if (ngx != null && ngx.md5()) {
                        md5WithoutFiles(d, record);
                    }
                    referencedObjects(d, manifest);
                    user(d.owner(), manifest);
                    document(d, files, record, manifest);
                    return true;
                } catch (ExportSink.SourceChanged | NoSuchFileException e) {
                    names.forget(files);
                    Optional<Document> now = collection.documents().find(d.id());
                    if (now.isEmpty()) {
                        warnings.deleted(d);
                        return false;
                    }
                    // A file of an unchanged row that is still missing is damage, not the instance at work.
                    if (e instanceof NoSuchFileException missing && sameFiles(d, now.get())
                            && !Path.of(missing.getFile()).startsWith(media.resolve(MediaArea.THUMBNAILS, "x").getParent())
                            && !Files.exists(Path.of(missing.getFile()))) {
                        throw new NoSuchFileException(missing.getFile(), null, "a file of document "
                                + d.id() + " '" + d.title() + "' is missing; the export stopped and the previous export"
                                + " is unchanged. Run paperless:sanity");
                    }
                    d = now.get();
                }
            }
            warnings.unmatched(d);
            return false;
        }

        private String correspondentName(Document d) {
            return d.correspondentId() == null ? null : correspondentNames.get(d.correspondentId());
        }

        private static boolean sameFiles(Document a, Document b) {
            return Objects.equals(a.filename(), b.filename()) && Objects.equals(a.checksum(), b.checksum())
                    && Objects.equals(a.archiveFilename(), b.archiveFilename())
                    && Objects.equals(a.archiveChecksum(), b.archiveChecksum());
        }

        /**
         * All files of the document or none, each matching the checksum of the row the record is made of. Runs on
         * the copying threads: it touches nothing of the run but the sink and the thumbnail count.
         */
        private CopiedFiles copyFiles(Document d, ExportNames.Names files) throws IOException {
            boolean md5 = ngx != null && ngx.md5();
            List<ExportSink.Put> puts = new ArrayList<>();
            puts.add(new ExportSink.Put(files.original(), media.resolve(MediaArea.ORIGINALS, d.filename()), d.checksum(), md5));
            Path thumbnail = options.noThumbnail() ? null : thumbnail(d.id());
            boolean convert = ngx != null && thumbnail != null && !thumbnail.getFileName().toString().endsWith(".webp");
            Path converted = convert ? webp(thumbnail) : null;
            try {
                if (convert) {
                    thumbnail = converted;
                }
                String thumbnailName = thumbnail == null ? null
                        : files.thumbnail() + ExportNames.extension(thumbnail.getFileName().toString());
                if (thumbnail != null) {
                    puts.add(new ExportSink.Put(thumbnailName, thumbnail, null));
                }
                boolean archive = !options.noArchive() && d.archiveFilename() != null;
                if (archive) {
                    puts.add(new ExportSink.Put(files.archive(), media.resolve(MediaArea.ARCHIVE, d.archiveFilename()),
                            d.archiveChecksum(), md5));
                }
                return new CopiedFiles(sink.putDocument(puts), thumbnailName, archive);
            } finally {
                if (converted != null) {
                    Files.deleteIfExists(converted);
                }
            }
        }

        /** The names and checksums of the files copied, in the document's record. */
        private void put(CopiedFiles out, ExportNames.Names files, ObjectNode record) {
            List<ExportSink.Copied> copied = out.copied();
            copied.forEach(c -> bytes += c.bytes());
            record.put(ManifestFiles.FILE_NAME, files.original());
            if (out.thumbnailName() != null) {
                record.put(ManifestFiles.THUMBNAIL_NAME, out.thumbnailName());
                record.put(ManifestFiles.THUMBNAIL_CHECKSUM, copied.get(1).sha256()); // what the export holds
            }
            if (out.archive()) {
                record.put(ManifestFiles.ARCHIVE_NAME, files.archive());
            }
            if (ngx != null && ngx.md5()) {
                ObjectNode fields = (ObjectNode) record.get("fields");
                fields.put("checksum", copied.get(0).md5());
                if (out.archive()) {
                    fields.put("archive_checksum", copied.get(copied.size() - 1).md5());
                }
            }
        }

        /**
         * A PNG thumbnail as WebP for paperless-ngx, in a temporary file the caller deletes; null (counted, the first
         * reason kept) when it cannot be made.
         */
        private Path webp(Path png) {
            try {
                WebpEncoder encoder = webp;
                if (encoder == null) {
                    throw new IOException("the storage bundle's WebP encoder is not running");
                }
                byte[] encoded = encoder.encode(Files.readAllBytes(png));
                Path file = Files.createTempFile("paperless-export-", ".webp");
                Files.write(file, encoded);
                return file;
            } catch (IOException e) {
                thumbnailLeftOut(e);
                return null;
            }
        }

        private synchronized void thumbnailLeftOut(IOException e) {
            if (thumbnailsLeftOut++ == 0) {
                thumbnailProblem = e.getMessage();
                LOG.warn("A thumbnail could not be made WebP for paperless-ngx: {}", e.getMessage());
            }
        }

        /** paperless-ngx 2.x's MD5 of a document's files when the export holds none of them (--data-only). */
        private void md5WithoutFiles(Document d, ObjectNode record) throws IOException {
            ObjectNode fields = (ObjectNode) record.get("fields");
            fields.put("checksum", Checksums.md5(media.resolve(MediaArea.ORIGINALS, d.filename())));
            if (d.archiveFilename() != null) {
                fields.put("archive_checksum", Checksums.md5(media.resolve(MediaArea.ARCHIVE, d.archiveFilename())));
            }
        }

        /** The record with its notes and values, from the same read. */
        private void document(Document d, ExportNames.Names files, ObjectNode record, ManifestOut manifest)
                throws IOException {
            if (ngx != null) {
                // paperless-ngx names a note's author by the user's pk: the user's record goes in first.
                for (Note note : d.notes()) {
                    user(note.user(), manifest);
                }
            }
            if (!options.splitManifest()) {
                manifest.write(record);
                for (Note note : d.notes()) {
                    manifest.write(records.note(note));
                }
                for (CustomFieldInstance value : d.customFields()) {
                    manifest.write(fieldValue(value));
                }
                return;
            }
            Path scratch = sink.scratch(files.manifest());
            try (ManifestOut own = manifest(scratch, false)) {
                own.write(record);
                for (Note note : d.notes()) {
                    own.write(records.note(note));
                }
                for (CustomFieldInstance value : d.customFields()) {
                    own.write(fieldValue(value));
                }
            }
            sink.putGenerated(files.manifest(), scratch);
        }

        /** WebP as consumption makes them, or PNG as older versions (and instances without cwebp) made them. */
        private Path thumbnail(long id) {
            for (String extension : new String[] {".webp", ".png"}) {
                Path thumbnail = media.resolve(MediaArea.THUMBNAILS, String.format("%07d", id) + extension);
                if (Files.isRegularFile(thumbnail)) {
                    return thumbnail;
                }
            }
            return null;
        }

        private ObjectNode fieldValue(CustomFieldInstance value) {
            return records.customFieldInstance(value, fieldTypes.getOrDefault(value.fieldId(),
                    new CustomField(value.fieldId(), "", CustomFieldType.STRING)));
        }

        /**
         * Every document in id order, a batch at a time. Where the sink takes several documents at once, a
         * batch's files are copied on other threads while the next batch is read and this one's records are
         * written in order: the copy, the hashing and the manifest no longer wait for each other. Names are
         * still given in id order, so an unchanged collection gets the same names in every run.
         */
        private void walk(DocumentStep step) throws IOException {
            ExecutorService copying = sink.concurrent() && !options.dataOnly() ? copyingThreads() : null;
            try {
                List<Document> batch = collection.documents().listAfter(0, BATCH);
                while (!batch.isEmpty()) {
                    List<Ahead> started = new ArrayList<>();
                    for (Document d : batch) {
                        ExportNames.Names files = names.next(d, correspondentName(d));
                        started.add(new Ahead(d, files, copying == null ? null
                                : copying.submit(() -> copyFiles(d, files))));
                    }
                    batch = collection.documents().listAfter(batch.get(batch.size() - 1).id(), BATCH);
                    for (Ahead a : started) {
                        step.accept(a);
                    }
                }
            } finally {
                if (copying != null) {
                    stop(copying);
                }
            }
        }
    }

    /** A document with the names it was given and, when copied on another thread, its files on their way. */
    private record Ahead(Document document, ExportNames.Names names, Future<CopiedFiles> copy) {

        /** The copy's outcome: its exception as if thrown here. */
        CopiedFiles copied() throws IOException {
            try {
                return copy.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("the export was interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
        }
    }

    /** A document's files in the export, their thumbnail's name (null without) and whether its archive is there. */
    private record CopiedFiles(List<ExportSink.Copied> copied, String thumbnailName, boolean archive) {
    }

    /** As many copying threads as cores, up to four: the copy is the disk's and the kernel's work, hashing the CPU's. */
    private static ExecutorService copyingThreads() {
        int count = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "paperless-export-copy-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Copies still running when the export stops (an error, an interruption) end before the sink is closed. */
    private static void stop(ExecutorService copying) {
        copying.shutdownNow();
        try {
            if (!copying.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("Copies of the export still run after five minutes; the export folder may hold partial files"
                        + " that the next export removes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface DocumentStep {
        void accept(Ahead d) throws IOException;
    }
}
