package org.paperless.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.paperless.api.Document;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;

/** paperless:consume on the real distribution: files in, documents out, refusals kept in failed/. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsumptionIT {

    private static final long STARTUP = 60_000;
    private static final String FIXTURES = "paperless.it.fixtures";

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    private Console console;
    private DocumentRepository documents;
    private DataFolders folders;

    @Configuration
    public Option[] config() throws Exception {
        Path fixtures = Fixtures.write(Paths.get("target/it-fixtures").toAbsolutePath());
        String watcher = "etc/org.paperless.consumer.cfg";
        return KarafOptions.distribution("derby",
                editConfigurationFilePut("etc/custom.system.properties", FIXTURES, fixtures.toString()),
                editConfigurationFilePut(watcher, "stableSeconds", "1"),
                editConfigurationFilePut(watcher, "rescanSeconds", "2"),
                editConfigurationFilePut(watcher, "recursive", "true"),
                editConfigurationFilePut(watcher, "subdirsAsTags", "true"));
    }

    @Before
    public void consumerIsUp() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        Services.await(context, DocumentConsumer.class, STARTUP);
        documents = Services.await(context, DocumentRepository.class, STARTUP);
        folders = Services.await(context, DataFolders.class, STARTUP);
    }

    /** Files for paperless:consume live outside the watched consume folder, so the watcher leaves them alone. */
    private Path incoming() throws Exception {
        return Files.createDirectories(folders.data().resolve("incoming"));
    }

    private Path copyToConsume(String fixture, String name) throws Exception {
        Path target = incoming().resolve(name);
        Files.copy(Paths.get(System.getProperty(FIXTURES)).resolve(fixture), target);
        return target;
    }

    private Path writeToConsume(String name, String text) throws Exception {
        return Files.writeString(incoming().resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Consumes a file that must be refused and returns the reason kept beside it in failed/. */
    private String refusalReason(Path source) throws Exception {
        Exception e = assertThrows(Exception.class, () -> console.admin("paperless:consume \"" + source + "\""));
        assertTrue(e.getMessage(), e.getMessage().contains("not consumed"));
        return Files.readString(folders.consumption().resolve("failed/" + source.getFileName() + ".reason.txt"));
    }

    private static long idIn(String output) {
        return Long.parseLong(output.replaceAll("(?s).*: document (\\d+).*", "$1"));
    }

    @Test
    public void aTextFileBecomesADocumentWithItsOriginalAndThumbnail() throws Exception {
        console.admin("paperless:tag-add --inbox Inbox");
        Path source = writeToConsume("Meeting notes 2024.txt",
                "Köln, 14. März 2023\nQuarterly review with Müller GmbH\nBudget approved, next review 01.09.2023.\n");
        byte[] bytes = Files.readAllBytes(source);
        String out = console.admin("paperless:consume \"" + source + "\"");
        long id = idIn(out);
        Document d = documents.get(id);
        assertEquals("Meeting notes 2024", d.title());
        assertTrue(d.content(), d.content().contains("Müller GmbH"));
        assertEquals("text/plain", d.mimeType());
        assertEquals("the first date in the content", java.time.LocalDate.of(2023, 3, 14), d.created());
        assertEquals("Meeting notes 2024.txt", d.originalFilename());
        assertEquals(String.format("%07d.txt", id), d.filename());
        assertArrayEquals(bytes, Files.readAllBytes(folders.originals().resolve(d.filename())));
        assertTrue(Files.exists(folders.thumbnails().resolve(String.format("%07d.webp", id))));
        assertFalse("the source is removed after the commit", Files.exists(source));
        assertEquals(1, d.tagIds().size());
        String show = console.admin("paperless:document-show --no-format " + id);
        assertTrue(show, show.contains("Tags\tInbox"));
    }

    @Test
    public void overridesSetTitleCorrespondentTypeAndTags() throws Exception {
        console.admin("paperless:correspondent-add Bank");
        console.admin("paperless:document-type-add Statement");
        console.admin("paperless:tag-add Finance");
        Path source = writeToConsume("stmt.txt", "Account statement for March, balance 1200 EUR");
        long id = idIn(console.admin("paperless:consume --title \"March statement\" -c Bank -t Statement --tag Finance " + source));
        String show = console.admin("paperless:document-show --no-format " + id);
        assertTrue(show, show.contains("Title\tMarch statement"));
        assertTrue(show, show.contains("Correspondent\tBank"));
        assertTrue(show, show.contains("Document type\tStatement"));
        assertTrue(show, show.contains("Finance"));
    }

    @Test
    public void refusedFilesGoToFailedWithTheReasonAndLeaveNothingBehind() throws Exception {
        long before = documents.count();
        long mediaBefore = mediaFiles();
        Path empty = writeToConsume("empty.txt", "");
        Exception e = assertThrows(Exception.class, () -> console.admin("paperless:consume " + empty));
        assertTrue(e.getMessage(), e.getMessage().contains("not consumed"));
        Path failed = folders.consumption().resolve("failed");
        assertTrue(Files.readString(failed.resolve("empty.txt.reason.txt")).contains("empty"));
        assertTrue(Files.exists(failed.resolve("empty.txt")));

        Path original = writeToConsume("letter.txt", "A letter that arrives twice " + System.nanoTime());
        String text = Files.readString(original);
        long first = idIn(console.admin("paperless:consume " + original));
        Path again = writeToConsume("letter-again.txt", text);
        Exception dup = assertThrows(Exception.class, () -> console.admin("paperless:consume " + again));
        String reason = Files.readString(failed.resolve("letter-again.txt.reason.txt"));
        assertTrue(reason, reason.contains("duplicate of document " + first));

        Path unknown = incoming().resolve("archive.zip");
        Files.write(unknown, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(Exception.class, () -> console.admin("paperless:consume " + unknown));
        assertTrue(Files.readString(failed.resolve("archive.zip.reason.txt")).contains("No parser reads"));

        assertEquals(before + 1, documents.count());
        assertEquals(mediaBefore + 2, mediaFiles()); // the one letter's original and thumbnail
        assertTrue(dup.getMessage().contains("1 of 1"));
    }

    @Test
    public void aMissingFileIsReportedWithoutSideEffects() throws Exception {
        Exception e = assertThrows(Exception.class, () -> console.admin("paperless:consume /nonexistent/file.pdf"));
        assertTrue(e.getMessage(), e.getMessage().contains("not consumed"));
    }

    private long mediaFiles() throws Exception {
        try (Stream<Path> files = Files.walk(folders.media())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    public void aPdfWithATextLayerGivesItsTextPagesAndThumbnail() throws Exception {
        Path source = copyToConsume(FixtureNames.INVOICE_PDF, "Stadtwerke invoice.pdf");
        long id = idIn(console.admin("paperless:consume \"" + source + "\""));
        Document d = documents.get(id);
        for (String word : FixtureNames.INVOICE_WORDS) {
            assertTrue(word + " in " + d.content(), d.content().contains(word));
        }
        assertEquals(Integer.valueOf(2), d.pageCount());
        assertEquals("application/pdf", d.mimeType());
        assertEquals(String.format("%07d.pdf", id), d.filename());
        byte[] thumbnail = Files.readAllBytes(folders.thumbnails().resolve(String.format("%07d.webp", id)));
        assertTrue("a WebP thumbnail, as paperless-ngx keeps them", thumbnail.length > 100
                && new String(thumbnail, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP"));
        assertFalse(Files.exists(folders.thumbnails().resolve(String.format("%07d.png", id))));
        // skip mode: the PDF keeps its text and gets a PDF/A copy of itself as archive (Ghostscript)
        Path archive = folders.archive().resolve(d.archiveFilename());
        assertEquals(sha256(archive), d.archiveChecksum());
        assertPdfA2(archive);
    }

    @Test
    public void skipNoarchiveModeGivesAPdfWithTextNoArchiveCopy() throws Exception {
        setPdfOcrMode("skip_noarchive");
        try {
            Path source = copyToConsume(FixtureNames.LETTER_PDF, "tax letter.pdf");
            Document d = documents.get(idIn(console.admin("paperless:consume \"" + source + "\"")));
            assertEquals(Integer.valueOf(3), d.pageCount());
            assertEquals(null, d.archiveFilename());
            assertEquals(null, d.archiveChecksum());
        } finally {
            setPdfOcrMode("");
        }
    }

    /** Sets org.paperless.ocr's mode and waits until the PDF parser shows it in its service properties. */
    private void setPdfOcrMode(String mode) throws Exception {
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration config = admin.getConfiguration("org.paperless.ocr", null);
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : copy(config.getProperties());
        props.put("mode", mode);
        config.update(props);
        Services.eventually(30_000, () -> {
            var refs = context.getServiceReferences(org.paperless.api.parser.DocumentParser.class,
                    "(" + org.paperless.api.parser.DocumentParser.MIME_TYPES + "=application/pdf)");
            if (refs.isEmpty() || !mode.equals(refs.iterator().next().getProperty("mode"))) {
                throw new AssertionError("the PDF parser has not taken mode '" + mode + "' yet");
            }
            return refs;
        });
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    /** The XMP of a PDF/A-2 names its part; veraPDF judges the files themselves in the archiver's tests. */
    private static void assertPdfA2(Path pdf) throws Exception {
        String bytes = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue("no PDF/A-2 identification in " + pdf, bytes.matches("(?s).*pdfaid:part(>|=['\"])2.*"));
    }

    @Test
    public void anEncryptedPdfIsRefusedWithAClearMessage() throws Exception {
        Path source = copyToConsume(FixtureNames.ENCRYPTED_PDF, "salary.pdf");
        String reason = refusalReason(source);
        assertTrue(reason, reason.contains("encrypted"));
    }

    @Test
    public void aTruncatedPdfIsRefusedAndTheNextFileIsConsumedNormally() throws Exception {
        long before = documents.count();
        Path broken = copyToConsume(FixtureNames.TRUNCATED_PDF, "half.pdf");
        String reason = refusalReason(broken);
        assertTrue(reason, reason.contains("damaged or truncated"));
        assertEquals(before, documents.count());
        Path next = writeToConsume("after-the-broken-one.txt", "Still working " + System.nanoTime());
        idIn(console.admin("paperless:consume " + next));
        assertEquals(before + 1, documents.count());
    }

    @Test
    public void aFileDroppedIntoTheConsumeFolderIsTakenOnceStableWithItsFoldersAsTags() throws Exception {
        String text = "Tax return 2024, reference " + System.nanoTime();
        Path hidden = Files.writeString(folders.consumption().resolve(".partial.txt"), "still uploading");
        Path folder = Files.createDirectories(folders.consumption().resolve("Taxes/2024"));
        Path source = Files.writeString(folder.resolve("return.txt"), text, StandardCharsets.UTF_8);
        String checksum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        Document d = Services.eventually(30_000, () -> documents.findByChecksum(checksum).orElseThrow());
        assertEquals("return", d.title());
        String show = console.admin("paperless:document-show --no-format " + d.id());
        assertTrue(show, show.contains("2024") && show.contains("Taxes"));
        assertFalse(Files.exists(source));
        Thread.sleep(3000);
        assertTrue("hidden files are never taken", Files.exists(hidden));
    }

    @Test
    public void theFilenameFormatFilesOriginalsByCorrespondentAndYear() throws Exception {
        console.admin("paperless:correspondent-add \"Finanzamt Köln\"");
        // Kept, not taken from a closed tracker: Configuration Admin is a per-bundle service factory.
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration config = admin.getConfiguration("org.paperless.consumer", null);
        Dictionary<String, Object> before = config.getProperties();
        Dictionary<String, Object> changed = before == null ? new Hashtable<>() : copy(before);
        changed.put("filenameFormat", "{correspondent}/{created_year}/{title}");
        updateAndWaitForTheNewConsumer(config, changed);
        try {
            Path first = writeToConsume("Bescheid.txt", "Steuerbescheid vom 02.05.2022 " + System.nanoTime());
            Path second = writeToConsume("Bescheid2.txt", "Steuerbescheid vom 03.05.2022 " + System.nanoTime());
            Document a = documents.get(idIn(console.admin("paperless:consume --title Bescheid -c \"Finanzamt Köln\" " + first)));
            Document b = documents.get(idIn(console.admin("paperless:consume --title Bescheid -c \"Finanzamt Köln\" " + second)));
            assertEquals("Finanzamt Köln/2022/Bescheid.txt", a.filename());
            assertEquals("a taken name gets _01", "Finanzamt Köln/2022/Bescheid_01.txt", b.filename());
            assertTrue(Files.exists(folders.originals().resolve(a.filename())));
            assertTrue(Files.exists(folders.originals().resolve(b.filename())));
        } finally {
            updateAndWaitForTheNewConsumer(config, before == null ? new Hashtable<>() : before);
        }
    }

    /** A configuration change re-creates the consumer; wait for the new one before going on. */
    private void updateAndWaitForTheNewConsumer(org.osgi.service.cm.Configuration config, Dictionary<String, Object> props)
            throws Exception {
        Object oldId = context.getServiceReference(DocumentConsumer.class).getProperty("service.id");
        config.update(props);
        Services.eventually(30_000, () -> {
            var ref = context.getServiceReference(DocumentConsumer.class);
            if (ref == null || ref.getProperty("service.id").equals(oldId)) {
                throw new AssertionError("the consumer was not re-created yet");
            }
            return ref;
        });
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            copy.put(k, d.get(k));
        }
        return copy;
    }

    @Test
    public void aThirdPartyParserPluginTakesOverATypeAndGivesItBackWhenStopped() throws Exception {
        String out = console.admin("bundle:install -s mvn:com.example.paperless/paperless-example-csv-parser/0.1.0-SNAPSHOT");
        long bundleId = Long.parseLong(out.replaceAll("(?s).*Bundle ID: (\\d+).*", "$1"));
        try {
            Path csv = writeToConsume("prices.csv", "item,price\nApples,2.50\n" + System.nanoTime() + ",1\n");
            Document d = documents.get(idIn(console.admin("paperless:consume " + csv)));
            assertTrue(d.content(), d.content().contains("Table with 2 rows") && d.content().contains("price: 2.50"));
        } finally {
            console.admin("bundle:uninstall " + bundleId);
        }
        Path again = writeToConsume("prices-again.csv", "item,price\nPears,3.10\n" + System.nanoTime() + ",1\n");
        Document plain = documents.get(idIn(console.admin("paperless:consume " + again)));
        assertTrue(plain.content(), plain.content().contains("Pears,3.10"));
    }

    @Test
    public void matchingRulesAssignCorrespondentTypeTagsAndStoragePath() throws Exception {
        console.admin("paperless:correspondent-add --match \"Gaswerk Nordstadt\" --algorithm literal Gaswerk");
        console.admin("paperless:correspondent-add --match \"gaswerk\" --algorithm any \"Zz later\"");
        console.admin("paperless:document-type-add --match \"Abschlag\\w*\" --algorithm regex Abschlag");
        console.admin("paperless:tag-add --match \"heizung warmwasser\" --algorithm all Heating");
        console.admin("paperless:tag-add --parent Heating --match \"Zählerstand\" --algorithm fuzzy Meter");
        console.admin("paperless:tag-add --match \"(a+)+$\" --algorithm regex Catastrophic");
        console.admin("paperless:storage-path-add --path \"Energy/{correspondent}/{title}\" --match gaswerk --algorithm any Energy");
        Path source = writeToConsume("abschlag.txt", "GASWERK NORDSTADT\nAbschlagszahlung für Heizung und Warmwasser, "
                + "Zahlerstand 4711.\n" + "a".repeat(5000) + "!" + System.nanoTime());
        long start = System.nanoTime();
        Document d = documents.get(idIn(console.admin("paperless:consume " + source)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String show = console.admin("paperless:document-show --no-format --no-content " + d.id());
        assertTrue(show, show.contains("Correspondent\tGaswerk"));
        assertTrue(show, show.contains("Document type\tAbschlag"));
        assertTrue(show, show.contains("Heating") && show.contains("Meter"));
        assertFalse("the catastrophic rule counts as no match: " + show, show.contains("Catastrophic"));
        assertTrue(d.filename(), d.filename().startsWith("Energy/Gaswerk/abschlag"));
        assertTrue("consumed in " + millis + " ms despite the catastrophic rule", millis < 10_000);
        Path plain = writeToConsume("unrelated.txt", "Nothing to see here " + System.nanoTime());
        String other = console.admin("paperless:document-show --no-format --no-content " + idIn(console.admin("paperless:consume " + plain)));
        assertFalse(other, other.contains("Gaswerk") || other.contains("Heating"));
    }

    @Test
    public void aStoragePathFilesTheDocumentUnderItsOwnFormat() throws Exception {
        console.admin("paperless:correspondent-add Versicherung");
        console.admin("paperless:storage-path-add --path \"Insurance/{correspondent}/{created_year}-{title}\" Insurance");
        Path source = writeToConsume("policy.txt", "Policy issued on 07.01.2021 " + System.nanoTime());
        Document d = documents.get(idIn(console.admin(
                "paperless:consume -c Versicherung --storage-path Insurance --title Policy " + source)));
        assertEquals("Insurance/Versicherung/2021-Policy.txt", d.filename());
        assertTrue(console.admin("paperless:document-show --no-format " + d.id()).contains("Storage path\tInsurance"));
    }

    @Test
    public void preAndPostConsumeScriptsRunWithThePaperlessVariables() throws Exception {
        Path scripts = Files.createDirectories(folders.data().resolve("scripts"));
        Path report = scripts.resolve("post.out");
        Path pre = Files.writeString(scripts.resolve("pre.sh"),
                "#!/bin/sh\ncase \"$DOCUMENT_SOURCE_PATH\" in *reject*) echo 'not this one'; exit 3;;\n"
                + "  *vanish-source*) rm \"$DOCUMENT_SOURCE_PATH\";;\n"
                + "  *vanish-working*) rm \"$DOCUMENT_WORKING_PATH\";;\nesac\n");
        Path post = Files.writeString(scripts.resolve("post.sh"), "#!/bin/sh\nenv | grep '^DOCUMENT_' > '" + report + "'\n");
        pre.toFile().setExecutable(true);
        post.toFile().setExecutable(true);
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration config = admin.getConfiguration("org.paperless.consumer", null);
        Dictionary<String, Object> before = config.getProperties();
        Dictionary<String, Object> changed = before == null ? new Hashtable<>() : copy(before);
        changed.put("preConsumeScript", pre.toString());
        changed.put("postConsumeScript", post.toString());
        updateAndWaitForTheNewConsumer(config, changed);
        try {
            Path keep = writeToConsume("keep.txt", "Kept by the script " + System.nanoTime());
            long id = idIn(console.admin("paperless:consume " + keep));
            String env = Files.readString(report);
            assertTrue(env, env.contains("DOCUMENT_ID=" + id));
            assertTrue(env, env.contains("DOCUMENT_ORIGINAL_FILENAME=keep.txt"));
            assertTrue(env, env.contains("DOCUMENT_SOURCE_PATH=" + folders.originals()));

            Path reject = writeToConsume("reject-me.txt", "Refused by the script " + System.nanoTime());
            assertThrows(Exception.class, () -> console.admin("paperless:consume " + reject));
            String reason = Files.readString(folders.consumption().resolve("failed/reject-me.txt.reason.txt"));
            assertTrue(reason, reason.contains("pre-consume script") && reason.contains("exit code 3")
                    && reason.contains("not this one"));

            // The source removed while it is consumed: the staged copy carries on, the document is whole.
            Path vanishing = writeToConsume("vanish-source.txt", "Removed while consumed " + System.nanoTime());
            Document whole = documents.get(idIn(console.admin("paperless:consume " + vanishing)));
            assertTrue(whole.content(), whole.content().contains("Removed while consumed"));
            assertTrue(Files.exists(folders.originals().resolve(whole.filename())));
            assertFalse(Files.exists(folders.consumption().resolve("failed/vanish-source.txt")));

            // The file being read removed under the consumer: a clear reason, the source kept, nothing stored.
            long count = documents.count();
            long media = mediaFiles();
            Path pulled = writeToConsume("vanish-working.txt", "Pulled away while consumed " + System.nanoTime());
            String pulledReason = refusalReason(pulled);
            assertTrue(pulledReason, pulledReason.contains("The file disappeared while it was being consumed"));
            assertTrue(Files.exists(folders.consumption().resolve("failed/vanish-working.txt")));
            assertEquals(count, documents.count());
            assertEquals(media, mediaFiles());
            idIn(console.admin("paperless:consume " + writeToConsume("after.txt", "Next one " + System.nanoTime())));
            assertEquals(count + 1, documents.count());
        } finally {
            updateAndWaitForTheNewConsumer(config, before == null ? new Hashtable<>() : before);
        }
    }

    @Test
    public void anAddedEventFollowsTheCommit() throws Exception {
        java.util.concurrent.BlockingQueue<Event> received = new java.util.concurrent.LinkedBlockingQueue<>();
        EventHandler handler = received::add;
        var registration = context.registerService(EventHandler.class, handler,
                new Hashtable<>(java.util.Map.of(EventConstants.EVENT_TOPIC, "org/paperless/document/ADDED")));
        try {
            Path source = writeToConsume("event.txt", "Announced " + System.nanoTime());
            long id = idIn(console.admin("paperless:consume " + source));
            Event event = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue("an ADDED event within 10 s", event != null);
            assertEquals(id, ((Number) event.getProperty("document.id")).longValue());
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void aScannedImageIsReadByOcrAndGetsASearchablePdfArchive() throws Exception {
        Path source = copyToConsume(FixtureNames.SCAN_PNG, "scan of a bill.png");
        long id = idIn(console.admin("paperless:consume \"" + source + "\""));
        Document d = documents.get(id);
        assertEquals("image/png", d.mimeType());
        assertTrue("at least 95% of the drawn words: " + d.content(), recognised(d.content()) >= 0.95);
        assertTrue(d.archiveFilename(), d.archiveFilename().endsWith(".pdf"));
        Path archive = folders.archive().resolve(d.archiveFilename());
        assertTrue(Files.exists(archive));
        assertEquals(sha256(archive), d.archiveChecksum());
        assertPdfA2(archive);
    }

    @Test
    public void webpAndHeicScansAreReadByOcrIntoAPdfArchive() throws Exception {
        Path fixtures = Paths.get(System.getProperty(FIXTURES));
        org.junit.Assume.assumeTrue("cwebp and heif-enc (packages webp, libheif-examples) make the samples",
                Files.exists(fixtures.resolve(FixtureNames.SCAN_WEBP)) && Files.exists(fixtures.resolve(FixtureNames.SCAN_HEIC)));
        for (String[] kind : new String[][] {{FixtureNames.SCAN_WEBP, "image/webp"}, {FixtureNames.SCAN_HEIC, "image/heic"}}) {
            Path source = copyToConsume(kind[0], "phone " + kind[0]);
            Document d = documents.get(idIn(console.admin("paperless:consume \"" + source + "\"")));
            assertEquals(kind[1], d.mimeType());
            assertTrue(kind[0] + ": at least 95% of the drawn words: " + d.content(), recognised(d.content()) >= 0.95);
            Path archive = folders.archive().resolve(d.archiveFilename());
            assertPdfA2(archive);
            assertTrue(kind[0] + " has a thumbnail", Files.size(folders.thumbnails().resolve(String.format("%07d.webp", d.id()))) > 0);
        }
    }

    @Test
    public void aScannedPdfWithoutTextIsReadByOcr() throws Exception {
        Path source = copyToConsume(FixtureNames.SCANNED_PDF, "scanned letter.pdf");
        long id = idIn(console.admin("paperless:consume \"" + source + "\""));
        Document d = documents.get(id);
        assertEquals("application/pdf", d.mimeType());
        assertTrue("at least 95% of the drawn words: " + d.content(), recognised(d.content()) >= 0.95);
        assertTrue(Files.exists(folders.archive().resolve(d.archiveFilename())));
        assertEquals(Integer.valueOf(1), d.pageCount());
    }

    @Test
    public void aPdfThatInflatesToHundredsOfMegabytesIsRefused() throws Exception {
        long before = documents.count();
        Path bomb = copyToConsume(FixtureNames.BOMB_PDF, "bomb.pdf");
        String reason = refusalReason(bomb);
        assertTrue(reason, reason.contains("decompression bomb"));
        assertEquals(before, documents.count());
    }

    @Test
    public void textInWindows1252IsReadWithItsUmlauts() throws Exception {
        Path source = incoming().resolve("brief.txt");
        Files.write(source, "Grüße aus Köln, Herr Müller. Die Rechnung über 120 € ist bezahlt.\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Document d = documents.get(idIn(console.admin("paperless:consume " + source)));
        assertTrue(d.content(), d.content().contains("Müller") && d.content().contains("Grüße") && d.content().contains("€"));
    }

    @Test
    public void anEmailGivesItsHeadersBodyAttachmentListAndAPdfCopy() throws Exception {
        String eml = "From: Anna Schmidt <anna@example.org>\r\n"
                + "To: paperless@example.org\r\n"
                + "Subject: =?UTF-8?Q?Vertrag_f=C3=BCr_M=C3=A4rz?=\r\n"
                + "Date: Tue, 04 Mar 2025 10:15:00 +0100\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hello, the signed contract is attached. Regards, Anna\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"contract.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"contract.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJSVFT0YK\r\n--b1--\r\n";
        Path source = Files.writeString(incoming().resolve("contract mail.eml"), eml, StandardCharsets.UTF_8);
        Document d = documents.get(idIn(console.admin("paperless:consume \"" + source + "\"")));
        assertEquals("message/rfc822", d.mimeType());
        assertTrue(d.content(), d.content().contains("Vertrag für März") && d.content().contains("signed contract")
                && d.content().contains("contract.pdf"));
        assertEquals(java.time.LocalDate.of(2025, 3, 4), d.created());
        assertPdfA2(folders.archive().resolve(d.archiveFilename()));
    }

    @Test
    public void aJpegNamedPdfIsReadAsTheJpegItIs() throws Exception {
        Path source = copyToConsume(FixtureNames.SCAN_JPEG, "not really.pdf");
        long id = idIn(console.admin("paperless:consume \"" + source + "\""));
        Document d = documents.get(id);
        assertEquals("image/jpeg", d.mimeType());
        assertTrue(d.filename(), d.filename().endsWith(".jpg"));
        assertTrue(d.content(), recognised(d.content()) >= 0.9);
    }

    @Test
    public void anImageDeclaringAHugeSizeIsRefusedBeforeDecoding() throws Exception {
        long before = documents.count();
        Path source = copyToConsume(FixtureNames.HUGE_PNG, "huge.png");
        String reason = refusalReason(source);
        assertTrue(reason, reason.contains("60000 x 60000 pixels"));
        assertEquals(before, documents.count());
    }

    private static double recognised(String content) {
        java.util.Set<String> found = new java.util.HashSet<>(java.util.Arrays.asList(content.toLowerCase().split("\\W+")));
        String[] words = String.join(" ", FixtureNames.SCAN_LINES).toLowerCase().split("\\W+");
        return java.util.Arrays.stream(words).filter(found::contains).count() / (double) words.length;
    }
}
