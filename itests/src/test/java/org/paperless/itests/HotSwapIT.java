package org.paperless.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.paperless.api.Document;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.index.SearchIndex;
import org.paperless.api.maintenance.SanityChecker;
import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityReport;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;

/**
 * Bundles restarted, updated, stopped and started again while documents flow through the consume folder:
 * documents that need a missing service wait for it, nothing is lost, nothing stored twice.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final long STARTUP = 60_000;
    private static final String WORD = "swaptest";
    private static final String FIXTURES = "paperless.it.swap";
    private static final int SCANS = 20;
    private static final int SCANNED_PDFS = 20;
    private static final int PDFS = 160;
    /** The bundles the documents' path goes through, and those beside it. */
    private static final List<String> SWAPPED = List.of("org.paperless.ocr.tesseract", "org.paperless.parser.pdf",
            "org.paperless.archive.pdfa", "org.paperless.index.lucene", "org.paperless.matching", "org.paperless.mail",
            "org.paperless.backup");

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    private Console console;
    private DocumentRepository documents;
    private DataFolders folders;

    @Configuration
    public Option[] config() throws Exception {
        Path fixtures = writeFixtures(Path.of("target/hotswap-fixtures").toAbsolutePath());
        String watcher = "etc/org.paperless.consumer.cfg";
        return KarafOptions.distribution("derby",
                editConfigurationFilePut("etc/custom.system.properties", FIXTURES, fixtures.toString()),
                editConfigurationFilePut("etc/custom.system.properties", "paperless.service.wait", "120"),
                editConfigurationFilePut(watcher, "stableSeconds", "1"),
                editConfigurationFilePut(watcher, "rescanSeconds", "2"));
    }

    /** Scans, scanned PDFs and PDFs with text, each unique, all with the word the matching rule looks for. */
    private static Path writeFixtures(Path folder) throws Exception {
        Path flow = Files.createDirectories(folder.resolve("flow"));
        if (Files.exists(flow.resolve("letter-" + (PDFS - 1) + ".pdf"))) {
            return folder;
        }
        for (int i = 0; i < SCANS; i++) {
            Fixtures.writeScan(flow.resolve("scan-" + i + ".png"), "Scanned letter " + WORD, "Reference number " + (1000 + i));
        }
        for (int i = 0; i < SCANNED_PDFS; i++) {
            Fixtures.writeScannedPdf(flow.resolve("scanned-" + i + ".pdf"), "Scanned invoice " + WORD, "Invoice number " + (2000 + i));
        }
        for (int i = 0; i < PDFS; i++) {
            Fixtures.writePdf(flow.resolve("letter-" + i + ".pdf"), null, "Letter " + i + " about " + WORD + " with text",
                    "Page two of letter " + i);
        }
        Fixtures.writeScan(folder.resolve("waiting.png"), "A scan nobody reads", WORD);
        return folder;
    }

    @Before
    public void consumerIsUp() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        Services.await(context, DocumentConsumer.class, STARTUP);
        documents = Services.await(context, DocumentRepository.class, STARTUP);
        folders = Services.await(context, DataFolders.class, STARTUP);
    }

    @After
    public void defaultWait() {
        System.setProperty("paperless.service.wait", "120");
    }

    @Test
    public void documentsFlowWhileBundlesAreRestartedUpdatedStoppedAndStarted() throws Exception {
        console.admin("paperless:correspondent-add --match " + WORD + " --algorithm any \"Swap Corp\"");
        // Written outside the container (PDFBox is not in it); copied, so a second run finds them again.
        Path staged = Files.createDirectories(folders.data().resolve("swap-staged"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> written = Files.list(Path.of(System.getProperty(FIXTURES)).resolve("flow"))) {
            for (Path f : written.sorted().toList()) {
                files.add(Files.copy(f, staged.resolve(f.getFileName())));
            }
        }
        assertEquals(SCANS + SCANNED_PDFS + PDFS, files.size());
        java.util.Collections.shuffle(files, new java.util.Random(7));

        AtomicReference<Throwable> feederFailed = new AtomicReference<>();
        Thread feeder = new Thread(() -> {
            try {
                for (int i = 0; i < files.size(); i++) {
                    Path f = files.get(i);
                    Files.move(f, folders.consumption().resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    if (i % 10 == 9) {
                        Thread.sleep(400);
                    }
                }
            } catch (Throwable t) {
                feederFailed.set(t);
            }
        }, "swap-feeder");
        feeder.start();

        // While the files come: every bundle restarted, updated, and stopped for a while.
        List<String> swaps = new ArrayList<>();
        for (String action : List.of("restart", "update", "stop")) {
            for (String bundle : SWAPPED) {
                if (action.equals("stop")) {
                    console.admin("bundle:stop " + bundle);
                    Thread.sleep(1500);
                    String status = console.admin("paperless:status --no-format");
                    assertTrue(status, status.contains("Waiting for") && status.contains(bundle + " is stopped")
                            || !affectsConsumption(bundle));
                    console.admin("bundle:start " + bundle);
                } else {
                    console.admin("bundle:" + action + " " + bundle);
                }
                swaps.add(action + " " + bundle);
                Thread.sleep(700);
            }
        }
        feeder.join(120_000);
        assertEquals(null, feederFailed.get());

        long expected = SCANS + SCANNED_PDFS + PDFS;
        awaitTrue(600_000, () -> documents.count() == expected && consumeFolderEmpty(), () -> documents.count() + " of " + expected + " stored; refused: " + failedReasons());
        assertEquals("nothing refused: " + failedReasons(), List.of(), failedReasons());
        assertEquals(expected, documents.count());

        Set<String> checksums = new HashSet<>();
        for (Document d : documents.listAfter(0, 1000)) {
            assertTrue("stored once: " + d.originalFilename(), checksums.add(d.checksum()));
            assertTrue(d.originalFilename() + " has its text: " + d.content(), d.content().toLowerCase().contains(WORD));
            assertNotNull(d.originalFilename() + " has its archive copy", d.archiveFilename());
            assertNotNull(d.originalFilename() + " got its correspondent by the rule", d.correspondentId());
        }
        SearchIndex index = Services.await(context, SearchIndex.class, STARTUP);
        awaitTrue(120_000, () -> index.state().documents() == expected, () -> "the index has caught up");
        SanityReport sanity = Services.await(context, SanityChecker.class, STARTUP).check(null);
        List<SanityMessage> problems = sanity.messages().stream().filter(m -> m.level() != SanityMessage.Level.INFO).toList();
        assertEquals("sanity after " + swaps, List.of(), problems);
    }

    @Test
    public void aDocumentWaitingTooLongForOcrGoesToFailedSayingSoAndIsConsumedWhenDroppedAgain() throws Exception {
        System.setProperty("paperless.service.wait", "3");
        long before = documents.count();
        console.admin("bundle:stop org.paperless.ocr.tesseract");
        Path scan;
        try {
            scan = folders.consumption().resolve("waited-" + System.nanoTime() + ".png");
            Files.copy(Path.of(System.getProperty(FIXTURES)).resolve("waiting.png"), scan);
            Path reason = folders.consumption().resolve("failed/" + scan.getFileName() + ".reason.txt");
            awaitTrue(60_000, () -> Files.exists(reason), () -> "the scan went to failed/ after the wait");
            String why = Files.readString(reason);
            assertTrue(why, why.contains("org.paperless.ocr.tesseract is stopped"));
            assertEquals(before, documents.count());
        } finally {
            console.admin("bundle:start org.paperless.ocr.tesseract");
        }
        Path kept = folders.consumption().resolve("failed/" + scan.getFileName());
        Files.move(kept, scan);
        awaitTrue(120_000, () -> documents.count() == before + 1, () -> "the scan dropped again was consumed: " + failedReasons());
    }

    private static void awaitTrue(long millis, java.util.concurrent.Callable<Boolean> condition,
            java.util.concurrent.Callable<String> what) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.call()) {
            assertTrue("timed out: " + what.call(), System.currentTimeMillis() < deadline);
            Thread.sleep(250);
        }
    }

    private static boolean affectsConsumption(String bundle) {
        return bundle.equals("org.paperless.ocr.tesseract") || bundle.equals("org.paperless.parser.pdf")
                || bundle.equals("org.paperless.matching") || bundle.equals("org.paperless.archive.pdfa");
    }

    private boolean consumeFolderEmpty() throws Exception {
        try (Stream<Path> left = Files.list(folders.consumption())) {
            return left.noneMatch(Files::isRegularFile);
        }
    }

    private List<String> failedReasons() throws Exception {
        Path failed = folders.consumption().resolve("failed");
        if (!Files.isDirectory(failed)) {
            return List.of();
        }
        try (Stream<Path> reasons = Files.list(failed)) {
            List<String> out = new ArrayList<>();
            for (Path p : reasons.filter(p -> p.toString().endsWith(".reason.txt")).toList()) {
                out.add(p.getFileName() + ": " + Files.readString(p).strip());
            }
            return out;
        }
    }
}
