package org.paperless.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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

/** The smaller install: paperless-minimal boots, says what it leaves out, and takes OCR in and out without a restart. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MinimalIT {

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
        return KarafOptions.distribution("derby",
                editConfigurationFilePut("etc/custom.system.properties", FIXTURES, fixtures.toString()),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                        "instance,package,log,ssh,system,feature,shell,bundle,config,diagnostic,deployer,jaas,scr,paperless-minimal"));
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
        return Consumed.incoming(folders, Paths.get(System.getProperty(FIXTURES)), fixture, name);
    }

    private String reason(Path source) throws Exception {
        return Consumed.reason(folders, source);
    }

    @Test
    public void ocrIsAddedAndRemovedWithoutARestart() throws Exception {
        String status = console.admin("paperless:status --no-format");
        assertTrue(status, status.contains("OCR of scans (feature:install paperless-ocr-tesseract)"));
        assertTrue(status, status.contains("mail fetching (feature:install paperless-mail)"));
        assertFalse(status, status.contains("Bundle org.paperless.ocr.tesseract"));

        Path pdf = incoming(FixtureNames.INVOICE_PDF, "invoice.pdf");
        assertTrue(console.admin("paperless:consume " + pdf).contains(": document "));

        Path scan = incoming(FixtureNames.SCAN_PNG, "scan-before.png");
        org.junit.Assert.assertThrows(Exception.class, () -> console.admin("paperless:consume " + scan));
        String reason = reason(scan);
        assertTrue(reason, reason.contains("No parser reads image/png"));

        // -r: no refresh of other bundles, the test probe among them (a refresh would end this test).
        console.admin("feature:install -r paperless-ocr-tesseract");
        Path again = incoming(FixtureNames.SCAN_PNG, "scan-after.png");
        String out = Services.eventually(STARTUP, () -> console.admin("paperless:consume " + again));
        Document d = documents.get(Consumed.idIn(out));
        assertEquals("image/png", d.mimeType());
        assertFalse("read by OCR: " + d.content(), d.content().isBlank());

        console.admin("feature:uninstall -r paperless-ocr-tesseract");
        Path after = incoming(FixtureNames.SCAN_JPEG, "scan-removed.jpg");
        long start = System.nanoTime();
        org.junit.Assert.assertThrows(Exception.class, () -> console.admin("paperless:consume " + after));
        String why = reason(after);
        assertTrue(why, why.contains("No parser reads image/jpeg"));
        assertTrue("an uninstalled parser is not waited for", (System.nanoTime() - start) / 1_000_000 < 30_000);
    }
}
