package org.paperless.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.paperless.api.CustomField;
import org.paperless.api.CustomFieldInstance;
import org.paperless.api.CustomFieldType;
import org.paperless.api.Document;
import org.paperless.api.Note;
import org.paperless.api.Tag;
import org.paperless.api.backup.Exporter;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.security.UserDirectory;
import org.paperless.api.storage.CustomFieldRepository;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.SavedViewRepository;
import org.paperless.api.storage.SchemaMigrations;
import org.paperless.api.storage.TagRepository;

/**
 * paperless:export and paperless:import on the real distribution: a varied collection exported,
 * the instance emptied (schema down to 0 and up again, media folder cleared), imported, exported again.
 * Subclasses choose the database.
 */
public abstract class BackupTestBase {

    protected static final String FIXTURES = "paperless.it.fixtures";
    private static final long STARTUP = 60_000;

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    private Console console;
    private DocumentRepository documents;
    private DataFolders folders;
    private MediaStore media;

    protected static Path fixtures() throws Exception {
        Path folder = Fixtures.write(Paths.get("target/it-fixtures").toAbsolutePath());
        NgxExportFixture.write(folder);
        return folder;
    }

    @Before
    public void up() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        Services.await(context, DocumentConsumer.class, STARTUP);
        Services.await(context, SearchIndex.class, STARTUP);
        Services.await(context, Exporter.class, STARTUP);
        documents = Services.await(context, DocumentRepository.class, STARTUP);
        folders = Services.await(context, DataFolders.class, STARTUP);
        media = Services.await(context, MediaStore.class, STARTUP);
        if (documents.count() == 0) {
            fill();
        }
    }

    /** Objects of every kind, PDFs with archive copies and thumbnails, a text file, a note, a custom field value. */
    private void fill() throws Exception {
        console.admin("paperless:correspondent-add Stadtwerke");
        console.admin("paperless:tag-add --color 00ff00 Finance");
        console.admin("paperless:tag-add --parent Finance Bills");
        console.admin("paperless:tag-add --inbox Inbox");
        console.admin("paperless:document-type-add -a literal -m electricity Invoice");
        console.admin("paperless:storage-path-add --path \"{correspondent}/{title}\" Utilities");
        consume(FixtureNames.INVOICE_PDF, "-c Stadtwerke -t Invoice -s Utilities -T Bills --title \"Power 2024\"");
        consume(FixtureNames.LETTER_PDF, "--title \"Tax letter\"");
        Path text = Files.createDirectories(folders.data().resolve("incoming")).resolve("shopping list.txt");
        Files.writeString(text, "Milk, bread, Zaunlatten for the garden fence", StandardCharsets.UTF_8);
        console.admin("paperless:consume \"" + text + "\"");
        CustomField amount = Services.await(context, CustomFieldRepository.class, STARTUP)
                .create(new CustomField(null, "Amount", CustomFieldType.MONETARY));
        byte[] original = "A note-taking document".getBytes(StandardCharsets.UTF_8);
        documents.create(new Document(null, "Annotated", "A note-taking document", null, null, null, null,
                LocalDate.of(2023, 5, 17), null, Instant.parse("2023-05-18T08:00:00Z"), sha256(original), null, 42L, null,
                null, "annotated.txt", "text/plain", 1, "admin",
                List.of(new Note(null, 0, "Checked by the accountant", Instant.parse("2023-06-01T10:00:00Z"), "admin")),
                List.of(new CustomFieldInstance(null, 0, amount.id(), "EUR12.50"))),
                stored -> {
                    String name = String.format("%07d.txt", stored.id());
                    media.write(MediaArea.ORIGINALS, name, new java.io.ByteArrayInputStream(original));
                    return stored.withFilenames(name, null);
                });
    }

    private void consume(String fixture, String options) throws Exception {
        Path file = Files.createDirectories(folders.data().resolve("incoming")).resolve(fixture);
        Files.copy(Paths.get(System.getProperty(FIXTURES)).resolve(fixture), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        console.admin("paperless:consume " + options + " \"" + file + "\"");
    }

    @Test
    public void exportImportAndExportAgainGiveTheSameCollection() throws Exception {
        Path first = folders.data().resolve("exports/first");
        String exported = console.admin("paperless:export --no-progress-bar \"" + first + "\"");
        assertTrue(exported, exported.contains("Exported 4 documents"));
        String counts = counts();
        List<String> found = titlesFound("zaunlatten OR electricity OR tax");
        assertEquals(found.toString(), 3, found.size());

        emptyTheInstance();
        assertEquals(0, documents.count());
        String imported = console.admin("paperless:import --no-progress-bar \"" + first + "\"");
        assertTrue(imported, imported.contains("documents.document") && imported.contains("Imported from paperless on Karaf"));

        assertEquals(counts, counts());
        assertMediaFolderIsSane();
        assertEquals(found, Services.eventually(20_000, () -> {
            List<String> again = titlesFound("zaunlatten OR electricity OR tax");
            assertEquals(found, again);
            return again;
        }));
        Path second = folders.data().resolve("exports/second");
        console.admin("paperless:export --no-progress-bar \"" + second + "\"");
        assertEquals(normalized(first), normalized(second));
        assertSameFiles(first, second);
    }

    @Test
    public void anExportForPaperlessNgx3HasItsFieldsAndWebpThumbnailsAndComesBack() throws Exception {
        Path target = folders.data().resolve("exports/ngx-3");
        String exported = console.admin("paperless:export --no-progress-bar --target ngx-3 \"" + target + "\"");
        assertTrue(exported, exported.contains("Exported 4 documents"));
        assertEquals("3.0.5", new ObjectMapper().readTree(target.resolve("metadata.json").toFile()).path("version").asText());
        int thumbnails = 0;
        for (JsonNode r : new ObjectMapper().readTree(target.resolve("manifest.json").toFile())) {
            if (r.path("model").asText().equals("documents.document")) {
                assertFalse(r.toString(), r.path("fields").has("storage_type"));
                assertTrue(r.toString(), r.path("fields").has("root_document"));
                if (r.has("__exported_thumbnail_name__")) {
                    byte[] webp = Files.readAllBytes(target.resolve(r.path("__exported_thumbnail_name__").asText()));
                    assertEquals("WEBP", new String(webp, 8, 4, StandardCharsets.US_ASCII));
                    thumbnails++;
                }
            }
        }
        assertEquals("the consumed PDFs and the text file have thumbnails, made WebP", 3, thumbnails);
        String counts = counts();
        emptyTheInstance();
        console.admin("paperless:import --no-progress-bar \"" + target + "\"");
        assertEquals(counts, counts());
        assertMediaFolderIsSane();
    }

    @Test
    public void aSecondExportCopiesOnlyWhatChanged() throws Exception {
        Path target = folders.data().resolve("exports/incremental");
        console.admin("paperless:export --no-progress-bar \"" + target + "\"");
        String again = console.admin("paperless:export --no-progress-bar \"" + target + "\"");
        assertTrue(again, again.contains(": 0 files written"));

        Document pdf = documents.list(0, 100).stream().filter(d -> d.archiveFilename() != null).findFirst().orElseThrow();
        Path thumbnail = media.resolve(MediaArea.THUMBNAILS, String.format("%07d.webp", pdf.id()));
        byte[] bytes = Files.readAllBytes(thumbnail);
        Files.write(thumbnail, bytes); // the thumbnail made again: new time, same size
        Files.setLastModifiedTime(thumbnail, FileTime.from(Instant.now().plusSeconds(5)));
        String one = console.admin("paperless:export --no-progress-bar \"" + target + "\"");
        assertTrue(one, one.contains(": 1 files written"));

        Path stray = Files.writeString(target.resolve("stray.txt"), "not part of the export");
        console.admin("paperless:export --no-progress-bar -d \"" + target + "\"");
        assertFalse("--delete removed the stray file", Files.exists(stray));
        assertTrue(console.admin("paperless:export --verify --no-progress-bar \"" + target + "\"").contains("matches its manifest"));
    }

    @Test
    public void aDamagedExportIsFoundByVerifyAndRefusedByTheImporter() throws Exception {
        Path target = folders.data().resolve("exports/damaged");
        console.admin("paperless:export --no-progress-bar -p \"" + target + "\"");
        Path original;
        try (Stream<Path> files = Files.list(target.resolve("originals"))) {
            original = files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(original);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(original, bytes);
        String name = "originals/" + original.getFileName();

        Exception verify = assertThrows(Exception.class,
                () -> console.admin("paperless:export --verify --no-progress-bar \"" + target + "\""));
        assertTrue(verify.getMessage(), verify.getMessage().contains("1 changed"));
        long before = documents.count();
        Exception refused = assertThrows(Exception.class,
                () -> console.admin("paperless:import --no-progress-bar \"" + target + "\""));
        assertTrue(refused.getMessage(), refused.getMessage().contains(name) && refused.getMessage().contains("Nothing was imported"));
        assertEquals(before, documents.count());
    }

    @Test
    public void unsafeNamesAndNewerExportsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path target = folders.data().resolve("exports/tampered");
        console.admin("paperless:export --no-progress-bar \"" + target + "\"");
        ObjectMapper json = new ObjectMapper();
        Path manifestFile = target.resolve("manifest.json");
        ArrayNode manifest = (ArrayNode) json.readTree(manifestFile.toFile());
        for (JsonNode record : manifest) {
            if (record.path("model").asText().equals("documents.document")) {
                ((ObjectNode) record).put("__exported_file_name__", "../../../etc/passwd");
                break;
            }
        }
        json.writeValue(manifestFile.toFile(), manifest);
        Exception unsafe = assertThrows(Exception.class,
                () -> console.admin("paperless:import --no-progress-bar \"" + target + "\""));
        assertTrue(unsafe.getMessage(), unsafe.getMessage().contains("'..'"));

        Path newer = folders.data().resolve("exports/newer");
        console.admin("paperless:export --no-progress-bar --data-only \"" + newer + "\"");
        ObjectNode metadata = (ObjectNode) json.readTree(newer.resolve("metadata.json").toFile());
        metadata.put("schema", 999);
        json.writeValue(newer.resolve("metadata.json").toFile(), metadata);
        Exception refused = assertThrows(Exception.class,
                () -> console.admin("paperless:import --no-progress-bar \"" + newer + "\""));
        assertTrue(refused.getMessage(), refused.getMessage().contains("newer version"));
        assertFalse(Files.exists(folders.data().resolve("import.journal")));
    }

    @Test
    public void aZipExportIsVerifiedAndRefusedIntoAnInstanceWithDocuments() throws Exception {
        Path folder = folders.data().resolve("exports/zipped");
        String out = console.admin("paperless:export --no-progress-bar -z -zn nightly \"" + folder + "\"");
        Path zip = folder.resolve("nightly.zip");
        assertTrue(out, Files.isRegularFile(zip));
        assertTrue(console.admin("paperless:export --verify --no-progress-bar \"" + zip + "\"").contains("matches its manifest"));
        Exception notFresh = assertThrows(Exception.class,
                () -> console.admin("paperless:import --no-progress-bar \"" + zip + "\""));
        assertTrue(notFresh.getMessage(), notFresh.getMessage().contains("fresh instance"));
        assertFalse(Files.exists(folders.data().resolve("import.journal")));
    }

    @Test
    public void aSplitPrefixedExportWithAPassphraseComesBackWithItAlone() throws Exception {
        Path first = folders.data().resolve("exports/split");
        String options = "--no-progress-bar -sm -p -f -cj --passphrase \"correct horse\" ";
        console.admin("paperless:export " + options + "\"" + first + "\"");
        assertTrue(Files.isDirectory(first.resolve("json")) && Files.isDirectory(first.resolve("originals")));
        assertTrue("-f keeps the storage path's folders",
                Files.isRegularFile(first.resolve("originals/Stadtwerke/Power 2024.pdf")));
        String counts = counts();
        Exception without = assertThrows(Exception.class,
                () -> console.admin("paperless:import --no-progress-bar \"" + first + "\""));
        assertTrue(without.getMessage(), without.getMessage().contains("give the same passphrase"));
        Exception wrong = assertThrows(Exception.class,
                () -> console.admin("paperless:import --no-progress-bar --passphrase wrong \"" + first + "\""));
        assertTrue(wrong.getMessage(), wrong.getMessage().contains("does not open this export"));

        emptyTheInstance();
        console.admin("paperless:import --no-progress-bar --passphrase \"correct horse\" \"" + first + "\"");
        assertEquals(counts, counts());
        assertMediaFolderIsSane();
        Path second = folders.data().resolve("exports/split-again");
        console.admin("paperless:export " + options + "\"" + second + "\"");
        assertEquals(normalized(first), normalized(second));
        assertSameFiles(first, second);
    }

    @Test
    public void anExportOfAnEarlierSchemaIsImported() throws Exception {
        Path export = folders.data().resolve("exports/earlier");
        console.admin("paperless:export --no-progress-bar \"" + export + "\"");
        ObjectMapper json = new ObjectMapper();
        ObjectNode metadata = (ObjectNode) json.readTree(export.resolve("metadata.json").toFile());
        metadata.put("schema", 1);
        json.writeValue(export.resolve("metadata.json").toFile(), metadata);
        String counts = counts();
        emptyTheInstance();
        String out = console.admin("paperless:import --no-progress-bar \"" + export + "\"");
        assertTrue(out, out.contains("(schema 1)"));
        assertEquals(counts, counts());
        assertMediaFolderIsSane();
    }

    @Test
    public void paperlessNgxExportsAreImportedWithWhatTheyHold() throws Exception {
        String before = counts();
        Path ngx2 = Paths.get(System.getProperty(FIXTURES)).resolve(NgxExportFixture.V2_FOLDER);
        try {
            emptyTheInstance();
            String out = console.admin("paperless:import --no-progress-bar \"" + ngx2 + "\"");
            assertTrue(out, out.contains("Imported from paperless-ngx 2.15.3"));
            for (String skipped : List.of("documents.workflow")) {
                assertTrue(skipped + " listed as skipped: " + out, out.lines().anyMatch(
                        l -> l.contains(skipped + " (skipped") && l.strip().endsWith("1")));
            }
            String counts = counts();
            assertTrue(counts, counts.contains("Documents\t2\n") && counts.contains("Correspondents\t2\n")
                    && counts.contains("Tags\t3\n") && counts.contains("Document types\t1\n") && counts.contains("Storage paths\t1\n"));
            TagRepository tags = Services.await(context, TagRepository.class, STARTUP);
            Tag finance = tags.findByName("Finance").orElseThrow();
            assertEquals(finance.id(), tags.findByName("Bills").orElseThrow().parentId());
            assertEquals("#ff0000", finance.color());
            assertTrue(tags.findByName("Inbox").orElseThrow().inbox());
            String accounts = console.admin("paperless:mail-account-list --no-format");
            assertTrue(accounts, accounts.contains("Mail\timap.example.org") && accounts.contains("\tset\t")
                    && !accounts.contains("secret"));
            String rules = console.admin("paperless:mail-rule-list --no-format");
            assertTrue(rules, rules.contains("Invoices\tMail"));
            String types = console.admin("paperless:document-type-list --no-format");
            assertTrue(types, types.contains("Invoice") && types.contains("literal") && types.contains("invoice"));

            Document invoice = byTitle("Invoice 2023");
            Document letter = byTitle("Letter");
            assertEquals(Long.valueOf(17), invoice.archiveSerialNumber());
            assertEquals(LocalDate.of(2023, 3, 21), invoice.created());
            assertEquals(LocalDate.of(2024, 1, 5), letter.created());
            assertEquals("anna", invoice.owner());
            assertEquals(List.of("Inbox"), Services.await(context, SavedViewRepository.class, STARTUP).list().stream()
                    .map(v -> v.name()).toList());
            // Her account is made, an admin in her group, without a password until one is set.
            UserDirectory.Account anna = Services.await(context, UserDirectory.class, STARTUP).user("anna").orElseThrow();
            assertTrue(anna.toString(), anna.admin() && anna.groups().equals(java.util.Set.of("Family")));
            assertEquals(1, invoice.notes().size());
            assertEquals("Paid by transfer", invoice.notes().get(0).text());
            assertEquals("anna", invoice.notes().get(0).user());
            Map<String, String> fields = new TreeMap<>();
            Map<Long, String> names = new TreeMap<>();
            Services.await(context, CustomFieldRepository.class, STARTUP).list().forEach(f -> names.put(f.id(), f.name()));
            invoice.customFields().forEach(f -> fields.put(names.get(f.fieldId()), f.value()));
            assertEquals(Map.of("Amount", "EUR12.50", "Status", "Paid", "Related", String.valueOf(letter.id())), fields);
            assertEquals("checksums are SHA-256 now", 64, invoice.checksum().length());
            assertEquals(sha256(Files.readAllBytes(media.resolve(MediaArea.ORIGINALS, invoice.filename()))), invoice.checksum());
            assertEquals("2023/Invoice 2023.pdf", invoice.filename());
            assertTrue(Files.isRegularFile(media.resolve(MediaArea.THUMBNAILS, String.format("%07d.webp", invoice.id()))));
            assertMediaFolderIsSane();
            assertEquals(List.of("Invoice 2023"), Services.eventually(20_000, () -> {
                List<String> found = titlesFound(NgxExportFixture.INVOICE_WORD);
                assertEquals(List.of("Invoice 2023"), found);
                return found;
            }));
            Path again = Files.createDirectories(folders.data().resolve("incoming")).resolve("same invoice.pdf");
            Files.copy(ngx2.resolve("originals/2023-03-21 Stadtwerke Invoice 2023.pdf"), again,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThrows(Exception.class, () -> console.admin("paperless:consume \"" + again + "\""));
            String reason = Files.readString(folders.consumption().resolve("failed/same invoice.pdf.reason.txt"));
            assertTrue(reason, reason.contains("duplicate of document " + invoice.id()));

            emptyTheInstance();
            Path ngx3 = Paths.get(System.getProperty(FIXTURES)).resolve(NgxExportFixture.V3_ZIP);
            String zipped = console.admin("paperless:import --no-progress-bar \"" + ngx3 + "\"");
            assertTrue(zipped, zipped.contains("Imported from paperless-ngx 3.0.0"));
            assertTrue(zipped, zipped.contains("documents.document (in the trash) (skipped"));
            assertTrue(zipped, zipped.contains("documents.document (earlier version of another document) (skipped"));
            assertTrue(zipped, zipped.contains("documents.sharelink (skipped"));
            assertTrue(counts(), counts().contains("Documents\t1\n"));
            assertEquals(LocalDate.of(2024, 2, 10), byTitle("Receipt").created());
            assertMediaFolderIsSane();
        } finally {
            // The other tests expect their own collection back.
            emptyTheInstance();
            fill();
            assertEquals(before, counts());
        }
    }

    /**
     * Exports taken while documents are consumed and retagged: each one is consistent on its own (every record
     * names files in the export with matching checksums, --verify passes), and importing the last one gives a
     * collection whose every file matches its stored checksum.
     */
    @Test
    public void exportsTakenWhileTheInstanceWorksAreConsistentSnapshots() throws Exception {
        String before = counts();
        DocumentConsumer consumer = Services.await(context, DocumentConsumer.class, STARTUP);
        Path incoming = Files.createDirectories(folders.data().resolve("incoming/busy"));
        java.util.concurrent.atomic.AtomicBoolean working = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Thread consuming = new Thread(() -> {
            try {
                for (int i = 0; working.get() && i < 400; i++) {
                    Path file = incoming.resolve("busy-" + i + ".txt");
                    Files.writeString(file, "A busy day, letter " + i + " " + System.nanoTime(), StandardCharsets.UTF_8);
                    consumer.consume(file, null);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        Thread retagging = new Thread(() -> {
            try {
                for (int k = 0; working.get(); k++) {
                    console.admin("paperless:tag-add -a any -m busy Busy-" + k);
                    console.admin("paperless:retag -T --no-progress-bar");
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        List<Path> exports = new ArrayList<>();
        try {
            consuming.start();
            retagging.start();
            for (int round = 0; round < 4; round++) {
                Path export = folders.data().resolve("exports/busy-" + round);
                console.admin("paperless:export --no-progress-bar \"" + export + "\"");
                exports.add(export);
            }
        } finally {
            working.set(false);
            consuming.join(120_000);
            retagging.join(120_000);
        }
        assertTrue("consumption and retagging ran without failing: " + failures, failures.isEmpty());
        for (Path export : exports) {
            String verified = console.admin("paperless:export --verify --no-progress-bar \"" + export + "\"");
            assertTrue(verified, verified.contains("matches its manifest"));
            assertEveryRecordNamesItsFiles(export);
        }
        Path last = exports.get(exports.size() - 1);
        try {
            emptyTheInstance();
            console.admin("paperless:import --no-progress-bar \"" + last + "\"");
            assertTrue(documents.count() > 4);
            assertMediaFolderIsSane();
        } finally {
            emptyTheInstance();
            fill();
            assertEquals(before, counts());
        }
    }

    /** Each document record's files are in the export, with the checksums the record states. */
    private static void assertEveryRecordNamesItsFiles(Path export) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(export.resolve("manifest.json").toFile());
        java.util.Set<Long> tags = new java.util.HashSet<>();
        for (JsonNode record : manifest) {
            if (record.path("model").asText().equals("documents.tag")) {
                tags.add(record.path("pk").asLong());
            }
        }
        int documentsSeen = 0;
        for (JsonNode record : manifest) {
            if (!record.path("model").asText().equals("documents.document")) {
                continue;
            }
            documentsSeen++;
            JsonNode fields = record.path("fields");
            Path original = export.resolve(record.path("__exported_file_name__").asText());
            assertEquals(original.toString(), fields.path("checksum").asText(), sha256(Files.readAllBytes(original)));
            if (record.hasNonNull("__exported_archive_name__")) {
                Path archive = export.resolve(record.path("__exported_archive_name__").asText());
                assertEquals(archive.toString(), fields.path("archive_checksum").asText(), sha256(Files.readAllBytes(archive)));
            }
            for (JsonNode tag : fields.path("tags")) {
                assertTrue("tag " + tag + " of " + original + " is in the manifest", tags.contains(tag.asLong()));
            }
        }
        assertTrue(export + " holds documents", documentsSeen >= 4);
    }

    private Document byTitle(String title) {
        return documents.list(0, 1000).stream().filter(d -> d.title().equals(title)).findFirst()
                .map(d -> documents.get(d.id())).orElseThrow(() -> new AssertionError("no document titled " + title));
    }

    private void emptyTheInstance() throws Exception {
        int latest = Services.await(context, SchemaMigrations.class, STARTUP).latest();
        console.admin("paperless:migrate 0");
        console.admin("paperless:migrate " + latest);
        for (MediaArea area : MediaArea.values()) {
            Path root = media.resolve(area, "x").getParent();
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(root)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private String counts() throws Exception {
        StringBuilder counts = new StringBuilder();
        for (String line : console.admin("paperless:status --no-format").split("\n")) {
            if (line.matches("(Documents|Correspondents|Tags|Document types|Storage paths)\t.*")) {
                counts.append(line).append('\n');
            }
        }
        return counts.toString();
    }

    private List<String> titlesFound(String query) throws Exception {
        List<String> titles = new ArrayList<>();
        for (String line : console.admin("paperless:search --no-format " + query).split("\n")) {
            if (!line.isBlank()) {
                titles.add(line.split("\t")[1]);
            }
        }
        titles.sort(null);
        return titles;
    }

    /** Every document's files are there with their checksums; nothing else is in the media folder. */
    private void assertMediaFolderIsSane() throws Exception {
        List<Path> expected = new ArrayList<>();
        for (Document d : documents.list(0, 1000)) {
            Path original = media.resolve(MediaArea.ORIGINALS, d.filename());
            assertEquals("original of " + d.title(), d.checksum(), sha256(Files.readAllBytes(original)));
            expected.add(original);
            if (d.archiveFilename() != null) {
                Path archive = media.resolve(MediaArea.ARCHIVE, d.archiveFilename());
                assertEquals("archive of " + d.title(), d.archiveChecksum(), sha256(Files.readAllBytes(archive)));
                expected.add(archive);
            }
            for (String extension : List.of(".png", ".webp")) {
                Path thumbnail = media.resolve(MediaArea.THUMBNAILS, String.format("%07d", d.id()) + extension);
                if (Files.exists(thumbnail)) {
                    expected.add(thumbnail);
                }
            }
        }
        List<Path> present = new ArrayList<>();
        for (MediaArea area : MediaArea.values()) {
            try (Stream<Path> all = Files.walk(media.resolve(area, "x").getParent())) {
                all.filter(Files::isRegularFile).forEach(present::add);
            }
        }
        present.sort(null);
        expected.sort(null);
        assertEquals(expected, present);
    }

    /** The manifest with every pk replaced by what it stands for (an object's name, a document's file). */
    private static List<String> normalized(Path export) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode manifest = json.createArrayNode();
        try (Stream<Path> all = Files.walk(export)) {
            for (Path file : all.filter(p -> p.getFileName().toString().endsWith("manifest.json")).sorted().toList()) {
                json.readTree(file.toFile()).forEach(manifest::add);
            }
        }
        Map<String, String> keys = new TreeMap<>();
        for (JsonNode r : manifest) {
            String model = r.path("model").asText();
            String key = model.equals("documents.document") ? r.path("__exported_file_name__").asText()
                    : r.path("fields").path("name").asText(model + "#" + r.path("pk").asText());
            keys.put(model + ":" + r.path("pk").asText(), key);
        }
        List<String> records = new ArrayList<>();
        for (JsonNode r : manifest) {
            ObjectNode copy = r.deepCopy();
            copy.remove("pk");
            ObjectNode fields = (ObjectNode) copy.get("fields");
            replace(fields, "correspondent", "documents.correspondent", keys);
            replace(fields, "document_type", "documents.documenttype", keys);
            replace(fields, "storage_path", "documents.storagepath", keys);
            replace(fields, "tn_parent", "documents.tag", keys);
            replace(fields, "document", "documents.document", keys);
            replace(fields, "field", "documents.customfield", keys);
            if (fields.has("tags")) {
                List<String> tags = new ArrayList<>();
                fields.get("tags").forEach(t -> tags.add(keys.get("documents.tag:" + t.asText())));
                tags.sort(null);
                fields.set("tags", json.valueToTree(tags));
            }
            records.add(copy.toString());
        }
        records.sort(null);
        return records;
    }

    private static void replace(ObjectNode fields, String field, String model, Map<String, String> keys) {
        if (fields.hasNonNull(field)) {
            fields.put(field, keys.get(model + ":" + fields.get(field).asText()));
        }
    }

    /** The same files (manifest and metadata aside) with the same bytes. */
    private static void assertSameFiles(Path first, Path second) throws IOException {
        Map<String, Path> a = files(first);
        Map<String, Path> b = files(second);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(name, Files.readAllBytes(a.get(name)), Files.readAllBytes(b.get(name)));
        }
    }

    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".json"))
                    .forEach(p -> files.put(root.relativize(p).toString(), p));
        }
        return files;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
