package org.paperless.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.paperless.api.Document;
import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;

/**
 * The office parser plugin installed into a running instance the way an administrator does it (kar:install of
 * the KAR the build makes), used, and removed again (feature:uninstall), without a restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OfficePluginIT {

    private static final long STARTUP = 60_000;
    private static final String KAR = "paperless.it.office.kar";
    private static final String SAMPLES = "paperless.it.office.samples";
    /** In the plugin's sample documents (plugins/parser-office/src/test/java/.../Samples.java). */
    private static final String WORDS = "zeppelin invoice";

    @Inject
    protected BundleContext context;

    @Inject
    protected SessionFactory sessionFactory;

    private Console console;
    private DocumentRepository documents;
    private DataFolders folders;

    @Configuration
    public Option[] config() throws Exception {
        Path plugin = Paths.get("../plugins/parser-office").toAbsolutePath().normalize();
        Path kar;
        try (Stream<Path> built = Files.list(plugin.resolve("target"))) {
            kar = built.filter(p -> p.toString().endsWith(".kar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build plugins/parser-office first: no .kar in its target/"));
        }
        return KarafOptions.distribution("derby",
                editConfigurationFilePut("etc/custom.system.properties", KAR, kar.toString()),
                editConfigurationFilePut("etc/custom.system.properties", SAMPLES, plugin.resolve("src/test/resources").toString()));
    }

    @Before
    public void consumerIsUp() throws Exception {
        console = new Console(sessionFactory);
        Services.awaitBootFinished(context, Services.BOOT_MILLIS);
        Services.await(context, DocumentConsumer.class, STARTUP);
        documents = Services.await(context, DocumentRepository.class, STARTUP);
        folders = Services.await(context, DataFolders.class, STARTUP);
    }



    private Path incoming(String fixture, String name) throws Exception {
        return Consumed.incoming(folders, Paths.get(System.getProperty(SAMPLES)), fixture, name);
    }

    private String reason(Path source) throws Exception {
        return Consumed.reason(folders, source);
    }

    @Test
    public void theKarIsInstalledUsedAndRemovedWithoutARestart() throws Exception {
        Path before = incoming("sample.odt", "before.odt");
        org.junit.Assert.assertThrows(Exception.class, () -> console.admin("paperless:consume " + before));
        assertTrue(reason(before), reason(before).contains("No parser reads application/vnd.oasis.opendocument.text"));

        console.admin("kar:install file:" + System.getProperty(KAR));
        Path odt = incoming("sample.odt", "report.odt");
        String out = Services.eventually(STARTUP, () -> console.admin("paperless:consume " + odt));
        Document d = documents.get(Consumed.idIn(out));
        assertEquals("application/vnd.oasis.opendocument.text", d.mimeType());
        assertTrue(d.content(), d.content().toLowerCase().contains(WORDS));
        if (onPath("soffice")) {
            assertNotNull("LibreOffice made the archive copy", d.archiveFilename());
            Path archive = folders.archive().resolve(d.archiveFilename());
            assertTrue(new String(Files.readAllBytes(archive), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("pdfaid:part"));
            assertTrue(Files.size(folders.thumbnails().resolve(String.format("%07d.webp", d.id()))) > 0);
        }
        Path doc = incoming("sample.doc", "old.doc");
        String stored = console.admin("paperless:consume " + doc);
        Document word = documents.get(Consumed.idIn(stored));
        assertTrue("a type without an extension of its own keeps the file's: " + word.filename(), word.filename().endsWith(".doc"));

        // -r: no refresh of other bundles (the test probe among them); none needs it.
        console.admin("feature:uninstall -r paperless-parser-office");
        Path after = incoming("sample.ods", "after.ods");
        long start = System.nanoTime();
        org.junit.Assert.assertThrows(Exception.class, () -> console.admin("paperless:consume " + after));
        assertTrue(reason(after), reason(after).contains("No parser reads application/vnd.oasis.opendocument.spreadsheet"));
        assertTrue("a removed plugin is not waited for", (System.nanoTime() - start) / 1_000_000 < 30_000);
        assertTrue("kept in failed/", Files.exists(folders.consumption().resolve("failed/after.ods")));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Paths.get(dir.isEmpty() ? "." : dir, command))) {
                return true;
            }
        }
        return false;
    }
}
