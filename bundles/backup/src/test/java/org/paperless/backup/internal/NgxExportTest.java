package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.paperless.api.Correspondent;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.DocumentType;
import org.paperless.api.Matching;
import org.paperless.api.StoragePath;
import org.paperless.api.Tag;
import org.paperless.api.backup.ExportFormat;
import org.paperless.api.backup.ExportOptions;
import org.paperless.api.backup.ExportReport;
import org.paperless.api.backup.ImportOptions;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailAccount.Security;
import org.paperless.api.storage.MediaArea;

/**
 * Exports for paperless-ngx 2.x and 3.x, checked against what its exporter writes at 2.20.15 and 3.0.5 (the field
 * lists read from its models, kept in src/test/resources/ngx-export), and read back by our own importer.
 */
class NgxExportTest {

    @TempDir
    Path dir;
    private StorageInstance source;
    private long finance;
    private long bills;
    private long inbox;

    @BeforeEach
    void fill() throws Exception {
        source = new StorageInstance(dir.resolve("source"));
        long acme = source.correspondents.create(new Correspondent(null, "ACME", Matching.DEFAULT)).id();
        long invoice = source.types.create(new DocumentType(null, "Invoice", Matching.DEFAULT)).id();
        long byYear = source.paths.create(new StoragePath(null, "By year", "{created_year}/{title}", Matching.DEFAULT)).id();
        finance = source.tags.create(new Tag(null, "Finance", Matching.DEFAULT, "#a6cee3", false, null)).id();
        bills = source.tags.create(new Tag(null, "Bills", Matching.DEFAULT, "#1f78b4", false, finance)).id();
        inbox = source.tags.create(new Tag(null, "Inbox", Matching.DEFAULT, "#ff0000", true, null)).id();
        CustomField note = source.fields.create(new CustomField(null, "Reference", CustomFieldType.STRING));
        CustomField amount = source.fields.create(new CustomField(null, "Amount", CustomFieldType.MONETARY, List.of(), "EUR"));
        CustomField status = source.fields.create(new CustomField(null, "Status", CustomFieldType.SELECT,
                List.of(new CustomField.SelectOption("aB1", "Paid"), new CustomField.SelectOption("cD2", "Open")), null));
        CustomField due = source.fields.create(new CustomField(null, "Due", CustomFieldType.DATE));
        CustomField related = source.fields.create(new CustomField(null, "Related", CustomFieldType.DOCUMENTLINK));

        Document letter = store("Letter", "letter.txt", "text/plain", "Dear customer", null, Set.of(inbox), null,
                null, null, null);
        Document bill = store("Electricity bill", "bill.pdf", "application/pdf", "%PDF-1.4 an original",
                "%PDF-1.7 its archive copy", Set.of(bills, inbox), acme, invoice, byYear, 42L);
        source.documents.addNote(bill.id(), "Paid by transfer", "alice");
        source.documents.setCustomField(bill.id(), note.id(), "R-2024-17");
        source.documents.setCustomField(bill.id(), amount.id(), "EUR12.5");
        source.documents.setCustomField(bill.id(), status.id(), "Paid");
        source.documents.setCustomField(bill.id(), due.id(), "2024-06-01");
        source.documents.setCustomField(bill.id(), related.id(), "[" + letter.id() + "]");
        Document old = store("Old flyer", "flyer.txt", "text/plain", "Sale!", null, Set.of(), null, null, null, null);
        source.documents.moveToTrash(List.of(old.id()));
        source.mailAccounts.create(new MailAccount(null, "Work", "imap.example.org", 993, Security.SSL, "me@example.org",
                "s3cret pass", "UTF-8"));
    }

    @AfterEach
    void close() {
        source.close();
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"NGX_2", "NGX_3"})
    void everyRecordHasExactlyTheFieldsOfThatVersionsModelInItsOrder(ExportFormat format) throws Exception {
        Path export = export(format, null);
        JsonNode spec = spec(format);
        List<String> order = names(spec.path("manifest_order"));
        Set<String> extra = Set.copyOf(names(spec.path("document_extra_keys")));
        int lastModel = -1;
        Map<String, Integer> seen = new TreeMap<>();
        for (JsonNode r : manifest(export)) {
            String model = r.path("model").asText();
            JsonNode fields = spec.path("models").path(model).path("fields");
            assertTrue(fields.isArray(), model + " is not a model " + spec.path("version").asText() + " exports");
            assertEquals(names(fields), fieldNames(r), "the fields of " + model + " " + r.path("pk"));
            for (String key : keys(r)) {
                assertTrue(Set.of("model", "pk", "fields").contains(key)
                        || model.equals(ManifestFiles.DOCUMENT) && extra.contains(key), model + " has " + key);
            }
            int index = order.indexOf(model);
            assertTrue(index >= lastModel, model + " after " + (lastModel < 0 ? "" : order.get(lastModel))
                    + ": the manifest's order is " + order);
            lastModel = index;
            seen.merge(model, 1, Integer::sum);
        }
        assertEquals(2, seen.get(ManifestFiles.DOCUMENT), "the trashed document stays out");
        for (String model : List.of(ManifestFiles.CORRESPONDENT, ManifestFiles.TAG, ManifestFiles.DOCUMENT_TYPE,
                ManifestFiles.STORAGE_PATH, ManifestFiles.CUSTOM_FIELD, ManifestFiles.CUSTOM_FIELD_INSTANCE,
                ManifestFiles.NOTE, ManifestFiles.MAIL_ACCOUNT, PermissionRecords.USER)) {
            assertNotNull(seen.get(model), model);
        }
        assertEquals(Json.mapper().readTree("{\"version\": \"" + spec.path("version").asText() + "\"}"),
                Json.mapper().readTree(export.resolve("metadata.json").toFile()));
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"NGX_2", "NGX_3"})
    void everyFileNamedIsThereWithTheChecksumOfThatVersionAndThumbnailsAreWebp(ExportFormat format) throws Exception {
        Path export = export(format, null);
        String algorithm = format == ExportFormat.NGX_2 ? "MD5" : "SHA-256";
        int archives = 0;
        for (JsonNode r : documents(export)) {
            Path original = export.resolve(r.path(ManifestFiles.FILE_NAME).asText());
            assertEquals(hash(original, algorithm), r.path("fields").path("checksum").asText(), original.toString());
            if (r.has(ManifestFiles.ARCHIVE_NAME)) {
                Path archive = export.resolve(r.path(ManifestFiles.ARCHIVE_NAME).asText());
                assertTrue(archive.getFileName().toString().endsWith("-archive.pdf"));
                assertEquals(hash(archive, algorithm), r.path("fields").path("archive_checksum").asText());
                archives++;
            }
            String thumbnailName = r.path(ManifestFiles.THUMBNAIL_NAME).asText();
            assertTrue(thumbnailName.endsWith("-thumbnail.webp"), thumbnailName);
            byte[] thumbnail = Files.readAllBytes(export.resolve(thumbnailName));
            assertEquals("RIFF", new String(thumbnail, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("WEBP", new String(thumbnail, 8, 4, StandardCharsets.US_ASCII));
        }
        assertEquals(1, archives);
    }

    @Test
    void tagsCarryTheTreeAsTreenodeStoresIt() throws Exception {
        Map<Long, JsonNode> tags = new TreeMap<>();
        for (JsonNode r : manifest(export(ExportFormat.NGX_3, null))) {
            if (r.path("model").asText().equals(ManifestFiles.TAG)) {
                tags.put(r.path("pk").asLong(), r.path("fields"));
            }
        }
        JsonNode f = tags.get(finance);
        JsonNode b = tags.get(bills);
        JsonNode i = tags.get(inbox);
        assertEquals(String.valueOf(bills), f.path("tn_children_pks").asText());
        assertEquals(1, f.path("tn_depth").asInt());
        assertEquals(1, f.path("tn_level").asInt());
        assertEquals(String.valueOf(inbox), f.path("tn_siblings_pks").asText());
        assertEquals(finance, b.path("tn_parent").asLong());
        assertEquals(String.valueOf(finance), b.path("tn_ancestors_pks").asText());
        assertEquals(2, b.path("tn_level").asInt());
        assertEquals("", b.path("tn_siblings_pks").asText());
        // The whole tree in order: Finance, its child Bills, then Inbox (by name, parents before children).
        assertEquals(List.of(0, 1, 2), List.of(f.path("tn_order").asInt(), b.path("tn_order").asInt(),
                i.path("tn_order").asInt()));
        assertEquals(List.of(0, 0, 1), List.of(f.path("tn_index").asInt(), b.path("tn_index").asInt(),
                i.path("tn_index").asInt()));
    }

    @Test
    void valuesGoIntoTheirColumnsAndNotesNameTheirAuthorsRecord() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        manifest(export(ExportFormat.NGX_3, null)).forEach(records::add);
        Map<String, JsonNode> values = new TreeMap<>();
        for (JsonNode r : records) {
            if (r.path("model").asText().equals(ManifestFiles.CUSTOM_FIELD_INSTANCE)) {
                JsonNode f = r.path("fields");
                List<String> set = new ArrayList<>();
                f.fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith("value_") && !e.getValue().isNull()) {
                        set.add(e.getKey());
                    }
                });
                values.put(String.join(",", set), f);
            }
        }
        assertEquals(Set.of("value_text", "value_monetary,value_monetary_amount", "value_select", "value_date",
                "value_document_ids"), values.keySet());
        assertEquals("EUR12.5", values.get("value_monetary,value_monetary_amount").path("value_monetary").asText());
        assertEquals("12.50", values.get("value_monetary,value_monetary_amount").path("value_monetary_amount").asText());
        assertEquals("aB1", values.get("value_select").path("value_select").asText());
        assertTrue(values.get("value_document_ids").path("value_document_ids").isArray());

        JsonNode note = records.stream().filter(r -> r.path("model").asText().equals(ManifestFiles.NOTE)).findFirst()
                .orElseThrow();
        JsonNode author = records.stream().filter(r -> r.path("model").asText().equals(PermissionRecords.USER)
                && r.path("pk").asLong() == note.path("fields").path("user").asLong()).findFirst().orElseThrow();
        assertEquals("alice", author.path("fields").path("username").asText());
        assertTrue(author.path("fields").path("password").asText().startsWith("!"), "an unusable password, as Django's");
    }

    @Test
    void withAPassphraseTheMailPasswordIsEncryptedAsPaperlessNgxDoes() throws Exception {
        Path export = export(ExportFormat.NGX_3, "correct horse");
        JsonNode metadata = Json.mapper().readTree(export.resolve("metadata.json").toFile());
        assertEquals("3.0.5", metadata.path("version").asText());
        JsonNode account = null;
        for (JsonNode r : manifest(export)) {
            if (r.path("model").asText().equals(ManifestFiles.MAIL_ACCOUNT)) {
                account = r;
            }
        }
        String stored = account.path("fields").path("password").asText();
        assertTrue(stored.matches("[0-9a-f]+"), "the hex of a Fernet token: " + stored);
        assertEquals("s3cret pass", NgxSecrets.open(metadata.path(NgxSecrets.SETTINGS), "correct horse").decrypt(stored));
    }

    @Test
    void whatCannotBeCarriedIsListedWithCounts() throws Exception {
        ExportReport report = source.exporter().export(ExportOptions.into(dir.resolve("out")).withFormat(ExportFormat.NGX_3),
                null);
        String warnings = String.join("\n", report.warnings());
        assertTrue(warnings.contains("1 document in the trash is not in the export"), warnings);
        assertTrue(warnings.contains("1 user has no password in the export"), warnings);
        assertTrue(warnings.contains("Mail account passwords were left out"), warnings);
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"NGX_2", "NGX_3"})
    void ourImporterReadsItBackToTheSameCollection(ExportFormat format) throws Exception {
        Path export = export(format, null);
        try (StorageInstance target = new StorageInstance(dir.resolve("target"))) {
            target.importer().importFrom(export, new ImportOptions(false, null), null);
            assertEquals(describe(source), describe(target));
            for (Document d : target.documents.list(0, 10)) {
                Document from = source.documents.list(0, 10).stream().filter(s -> s.title().equals(d.title()))
                        .findFirst().orElseThrow();
                assertEquals(from.checksum(), hash(target.media.resolve(MediaArea.ORIGINALS, d.filename()), "SHA-256"));
                assertEquals(from.checksum(), d.checksum());
                assertEquals(from.archiveChecksum(), d.archiveChecksum());
            }
        }
    }

    /** Everything a user would compare, by names, not ids. */
    private static List<String> describe(StorageInstance instance) {
        Map<Long, String> tags = instance.tags.list().stream().collect(Collectors.toMap(Tag::id, t -> t.name()
                + (t.parentId() == null ? "" : "<" + instance.tags.get(t.parentId()).name()) + (t.inbox() ? "!" : "")));
        Map<Long, CustomField> fields = instance.fields.list().stream().collect(Collectors.toMap(CustomField::id, f -> f));
        List<String> lines = new ArrayList<>();
        for (Document listed : instance.documents.list(0, 10)) {
            Document d = instance.documents.get(listed.id());
            lines.add(d.title() + " | " + d.created() + " | asn " + d.archiveSerialNumber() + " | "
                    + name(instance.correspondents.list(), d.correspondentId()) + " | "
                    + name(instance.types.list(), d.documentTypeId()) + " | "
                    + name(instance.paths.list(), d.storagePathId()) + " | "
                    + d.tagIds().stream().map(tags::get).sorted().toList() + " | "
                    + d.notes().stream().map(n -> n.text() + " by " + n.user()).toList() + " | "
                    + d.customFields().stream().map(v -> fields.get(v.fieldId()).name() + "=" + value(instance, v))
                            .sorted().toList() + " | " + d.originalFilename() + " | " + d.mimeType());
        }
        lines.sort(null);
        return lines;
    }

    /** A document link's value by the titles it names (ids differ between instances). */
    private static String value(StorageInstance instance, CustomFieldInstance v) {
        if (instance.fields.list().stream().noneMatch(f -> f.id() == v.fieldId()
                && f.dataType() == CustomFieldType.DOCUMENTLINK)) {
            return v.value();
        }
        return CustomFieldValues.documentIds(v.value()).stream().map(id -> instance.documents.get(id).title()).toList()
                .toString();
    }

    private static String name(List<? extends org.paperless.api.ClassifyingObject> objects, Long id) {
        return id == null ? "-" : objects.stream().filter(o -> o.id().equals(id)).map(o -> o.name()).findFirst().orElse("?");
    }

    private Path export(ExportFormat format, String passphrase) throws IOException {
        Path export = dir.resolve("export-" + format.label() + (passphrase == null ? "" : "-secret"));
        source.exporter().export(new ExportOptions(export, false, false, false, false, false, false, false, false,
                false, null, false, passphrase, format), null);
        return export;
    }

    private Document store(String title, String filename, String mime, String original, String archive, Set<Long> tags,
            Long correspondent, Long type, Long path, Long asn) throws IOException {
        byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
        byte[] archived = archive == null ? null : archive.getBytes(StandardCharsets.UTF_8);
        Document d = source.documents.create(new Document(null, title, original, correspondent, type, path, tags,
                LocalDate.of(2024, 5, 1), Instant.now(), Instant.now(), sha256(bytes), archived == null ? null : sha256(archived),
                asn, null, null, filename, mime, 1, null, null, null), stored -> stored.withFilenames(
                        String.format("%07d", stored.id()) + ExportNames.extension(filename),
                        archived == null ? null : String.format("%07d.pdf", stored.id())));
        source.media.write(MediaArea.ORIGINALS, d.filename(), new ByteArrayInputStream(bytes));
        if (archived != null) {
            source.media.write(MediaArea.ARCHIVE, d.archiveFilename(), new ByteArrayInputStream(archived));
        }
        BufferedImage image = new BufferedImage(40, 56, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x336699);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        source.media.write(MediaArea.THUMBNAILS, String.format("%07d.png", d.id()), new ByteArrayInputStream(png.toByteArray()));
        return d;
    }

    private static String sha256(byte[] bytes) throws IOException {
        return Checksums.of(new ByteArrayInputStream(bytes), "SHA-256");
    }

    private static String hash(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Checksums.of(in, algorithm);
        }
    }

    private static JsonNode spec(ExportFormat format) throws IOException {
        String version = format == ExportFormat.NGX_2 ? "v2.20.15" : "v3.0.5";
        try (InputStream in = NgxExportTest.class.getResourceAsStream("/ngx-export/" + version + ".json")) {
            return Json.mapper().readTree(in);
        }
    }

    private static JsonNode manifest(Path export) throws IOException {
        return Json.mapper().readTree(export.resolve("manifest.json").toFile());
    }

    private static List<JsonNode> documents(Path export) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode r : manifest(export)) {
            if (r.path("model").asText().equals(ManifestFiles.DOCUMENT)) {
                documents.add(r);
            }
        }
        return documents;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode record) {
        return keys(record.path("fields"));
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
