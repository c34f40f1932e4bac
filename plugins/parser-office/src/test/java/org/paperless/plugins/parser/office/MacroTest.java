package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParsedDocument;

/**
 * A document whose Basic macro runs when it is loaded, and writes a marker file. LibreOffice opening it with
 * macros allowed proves the macro is live; the plugin's conversion, and LibreOffice opening it normally with the
 * plugin's profile settings, must both leave no marker.
 */
class MacroTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void libreOfficeInstalled() {
        assumeTrue(LibreOffice.locate("soffice").isPresent(), "LibreOffice is not installed: the macro tests are skipped");
    }

    @Test
    void theMacroRunsWhenLibreOfficeIsAllowedToRunIt() throws Exception {
        Path marker = folder.resolve("marker");
        Path document = HostileDocuments.macroOdt(folder, marker);
        Path profile = folder.resolve("permissive-profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """);

        assertTrue(openAndWatch(document, profile, marker).ran(), "the macro did not run: the test document is not what it claims");
    }

    @Test
    void theConversionNeverRunsIt() throws Exception {
        Path marker = folder.resolve("marker");
        Leftovers leftovers = Leftovers.snapshot();

        ParsedDocument parsed = new OfficeDocumentParser(new LibreOffice("soffice", 120, 1), null)
                .parse(HostileDocuments.macroOdt(folder, marker), OfficeMimeTypes.ODF_TEXT);
        try {
            assertTrue(parsed.text().contains("Macro carrying walrus letter"), parsed.text());
            PdfChecks.assertPdfA2b(parsed.archivePdf());
            assertFalse(Files.exists(marker), "the macro ran during the conversion");
        } finally {
            Rendition.delete(parsed.archivePdf());
        }
        leftovers.assertNone();
    }

    /** Even loaded the way a user opens a file (macros per configuration), the profile keeps the macro from running. */
    @Test
    void theProfileSettingsAloneStopIt() throws Exception {
        Path marker = folder.resolve("marker");
        Path document = HostileDocuments.macroOdt(folder, marker);
        Path profile = folder.resolve("plugin-profile");
        ProfileSettings.writeTo(profile);

        Watch watch = openAndWatch(document, profile, marker);
        assertTrue(watch.opened(), "LibreOffice never had the document open");
        assertFalse(watch.ran(), "the macro ran despite the profile settings");
    }

    /** @param opened LibreOffice had the document open @param ran the marker appeared */
    private record Watch(boolean opened, boolean ran) {
    }

    /**
     * Opens the document headless (not a conversion) and watches for the marker until LibreOffice has had the
     * document open for five seconds (its lock file shows when it is), ends by itself, or 60 s have passed; then
     * ends whatever is left. The load event fires as the document opens: in the control run the marker appears
     * before the lock file does.
     */
    private Watch openAndWatch(Path document, Path profile, Path marker) throws Exception {
        String url = profile.toUri().toString().replaceAll("/$", "");
        Path lock = document.resolveSibling(".~lock." + document.getFileName() + "#");
        Process office = new ProcessBuilder(List.of("soffice", "--headless", "--norestore",
                "-env:UserInstallation=" + url, document.toString()))
                .redirectErrorStream(true).redirectOutput(folder.resolve("soffice.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long openSince = 0;
            while (System.nanoTime() < deadline && !Files.exists(marker) && office.isAlive()) {
                if (openSince == 0 && Files.exists(lock)) {
                    openSince = System.nanoTime();
                } else if (openSince != 0 && System.nanoTime() - openSince > TimeUnit.SECONDS.toNanos(5)) {
                    break;
                }
                Thread.sleep(100);
            }
            return new Watch(openSince != 0, Files.exists(marker));
        } finally {
            ProcessTree.kill(office);
            ProcessTree.sweep(profile.toString());
            ConversionJob.removeSocket(ConversionJob.ipcSocket(url, folder));
        }
    }
}
