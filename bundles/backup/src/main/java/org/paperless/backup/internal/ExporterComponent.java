package org.paperless.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.ClassifyingObject;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.backup.Exporter;
import org.paperless.api.backup.Progress;
import org.paperless.api.storage.CorrespondentRepository;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentTypeRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.storage.StoragePathRepository;
import org.paperless.api.storage.TagRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * document_exporter: the objects, then (without -sm) the custom field values and the notes, then the
 * documents with their files, streamed in batches; the manifest is renamed into place only at the end,
 * so an interrupted export leaves the previous one usable.
 */
@Component(service = Exporter.class)
public class ExporterComponent implements Exporter {

    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ExporterComponent.class);

    private final Collection collection;
    private final MediaStore media;
    private final SchemaMigrations migrations;
    private final String version;

    @Activate
    public ExporterComponent(BundleContext context, @Reference DocumentRepository documents,
            @Reference CorrespondentRepository correspondents, @Reference TagRepository tags,
            @Reference DocumentTypeRepository types, @Reference StoragePathRepository paths,
            @Reference CustomFieldRepository fields, @Reference MediaStore media, @Reference SchemaMigrations migrations) {
        this(new Collection(documents, correspondents, tags, types, paths, fields), media, migrations,
                context.getBundle().getVersion().toString());
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
        try (ExportSink sink = options.zip() ? new ZipSink(options.target(), zipName)
                : new FolderSink(options.target(), options.compareChecksums(), options.compareJson())) {
            Run run = new Run(options, sink, mapper, told);
            long documents = run.write();
            writeMetadata(sink, mapper, options);
            ExportSink.Finished finished = sink.finish(options.delete() && !options.zip());
            LOG.info("Exported {} documents to {}: {} files written, {} unchanged, {} deleted; {} ms in all, "
                    + "of which {} ms waiting for the disk to hold them", documents, finished.location(), sink.copied(),
                    sink.unchanged(), finished.deleted(), (System.nanoTime() - started) / 1_000_000, sink.flushMillis());
            return new ExportReport(finished.location(), documents, sink.copied(), sink.unchanged(), finished.deleted(),
                    run.bytes);
        }
    }

    private void writeMetadata(ExportSink sink, ObjectMapper mapper, ExportOptions options) throws IOException {
        ObjectNode metadata = mapper.createObjectNode();
        metadata.put("version", version);
        metadata.put("application", ManifestFiles.APPLICATION);
        metadata.put("schema", migrations.current());
        metadata.put("checksum_algorithm", "SHA-256");
        if (options.passphrase() != null) {
            metadata.set("encryption", Secrets.create(options.passphrase()).describe(mapper));
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
        private final ExportNames names;
        private final Map<Long, String> correspondentNames;
        private final Map<Long, CustomFieldType> fieldTypes;
        private long bytes;

        Run(ExportOptions options, ExportSink sink, ObjectMapper mapper, Progress progress) {
            this.options = options;
            this.sink = sink;
            this.mapper = mapper;
            this.records = new Records(mapper);
            this.progress = progress;
            this.names = new ExportNames(options.useFilenameFormat(), options.useFolderPrefix());
            this.correspondentNames = collection.correspondents().list().stream()
                    .collect(Collectors.toMap(ClassifyingObject::id, ClassifyingObject::name));
            this.fieldTypes = collection.fields().list().stream()
                    .collect(Collectors.toMap(CustomField::id, CustomField::dataType));
        }

        long write() throws IOException {
            Path scratch = sink.scratch(ManifestFiles.MANIFEST);
            long documents;
            try (ManifestWriter manifest = new ManifestWriter(mapper, scratch)) {
                writeAll(manifest, collection.correspondents().list(), records::correspondent);
                writeAll(manifest, collection.tags().list(), records::tag);
                writeAll(manifest, collection.types().list(), records::documentType);
                writeAll(manifest, collection.paths().list(), records::storagePath);
                writeAll(manifest, collection.fields().list(), records::customField);
                if (!options.splitManifest()) {
                    // paperless-ngx's order: custom field values and notes come before the documents.
                    walk(d -> {
                        for (CustomFieldInstance value : d.customFields()) {
                            manifest.write(fieldValue(value));
                        }
                    });
                    walk(d -> {
                        for (Note note : d.notes()) {
                            manifest.write(records.note(note));
                        }
                    });
                }
                long total = collection.documents().count();
                long[] done = {0};
                walk(d -> {
                    document(d, manifest);
                    progress.update(++done[0], Math.max(done[0], total));
                });
                documents = done[0];
            }
            sink.putGenerated(ManifestFiles.MANIFEST, scratch);
            return documents;
        }

        private void document(Document d, ManifestWriter manifest) throws IOException {
            ExportNames.Names files = names.next(d, d.correspondentId() == null ? null : correspondentNames.get(d.correspondentId()));
            ObjectNode record = records.document(d);
            if (!options.dataOnly()) {
                copy(files.original(), media.resolve(MediaArea.ORIGINALS, d.filename()), d.checksum(), d, "original");
                record.put(ManifestFiles.FILE_NAME, files.original());
                Path thumbnail = thumbnail(d.id());
                if (!options.noThumbnail() && thumbnail != null) {
                    String name = files.thumbnail() + ExportNames.extension(thumbnail.getFileName().toString());
                    String checksum = Checksums.sha256(thumbnail);
                    copy(name, thumbnail, checksum, d, "thumbnail");
                    record.put(ManifestFiles.THUMBNAIL_NAME, name);
                    record.put(ManifestFiles.THUMBNAIL_CHECKSUM, checksum);
                }
                if (!options.noArchive() && d.archiveFilename() != null) {
                    copy(files.archive(), media.resolve(MediaArea.ARCHIVE, d.archiveFilename()), d.archiveChecksum(), d,
                            "archive copy");
                    record.put(ManifestFiles.ARCHIVE_NAME, files.archive());
                }
            }
            if (!options.splitManifest()) {
                manifest.write(record);
                return;
            }
            Path scratch = sink.scratch(files.manifest());
            try (ManifestWriter own = new ManifestWriter(mapper, scratch)) {
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

        /** PNG as this version makes them, or WebP as imported from paperless-ngx; null when there is none. */
        private Path thumbnail(long id) {
            for (String extension : new String[] {".png", ".webp"}) {
                Path thumbnail = media.resolve(MediaArea.THUMBNAILS, String.format("%07d", id) + extension);
                if (Files.isRegularFile(thumbnail)) {
                    return thumbnail;
                }
            }
            return null;
        }

        private ObjectNode fieldValue(CustomFieldInstance value) {
            return records.customFieldInstance(value, fieldTypes.getOrDefault(value.fieldId(), CustomFieldType.STRING));
        }

        private void copy(String name, Path source, String checksum, Document d, String what) throws IOException {
            try {
                bytes += sink.putFile(name, source, checksum);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(source.toString(), null, "the " + what + " of document " + d.id() + " '"
                        + d.title() + "' is missing; the export stopped and the previous export is unchanged."
                        + " Run paperless:sanity-checker");
            }
        }

        private <T> void writeAll(ManifestWriter manifest, List<T> objects, Function<T, ObjectNode> record) throws IOException {
            for (T object : objects) {
                manifest.write(record.apply(object));
            }
        }

        private void walk(DocumentStep step) throws IOException {
            long after = 0;
            for (List<Document> batch = collection.documents().listAfter(after, BATCH); !batch.isEmpty();
                    batch = collection.documents().listAfter(after, BATCH)) {
                for (Document d : batch) {
                    step.accept(d);
                }
                after = batch.get(batch.size() - 1).id();
            }
        }
    }

    @FunctionalInterface
    private interface DocumentStep {
        void accept(Document d) throws IOException;
    }
}
