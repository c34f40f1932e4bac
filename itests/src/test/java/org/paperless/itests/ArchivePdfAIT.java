package org.paperless.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The archive copies the real distribution writes, judged by veraPDF: a PDF with a text layer (through
 * Ghostscript), a scan (through Tesseract), and the same copies again after an export.
 */
class ArchivePdfAIT {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void everyArchiveCopyIsPdfA2bAndStaysSoInAnExport() throws Exception {
        Path fixtures = Fixtures.write(Paths.get("target/it-fixtures").toAbsolutePath());
        Launcher launcher = new Launcher(Paths.get("target/launcher-data/pdfa-" + UUID.randomUUID()).toAbsolutePath(), Map.of());
        try {
            assertEquals(0, launcher.run("start").exitCode());
            Path incoming = Files.createDirectories(launcher.dataDir.resolve("incoming"));
            for (String name : List.of(FixtureNames.INVOICE_PDF, FixtureNames.LETTER_PDF, FixtureNames.SCAN_PNG)) {
                Files.copy(fixtures.resolve(name), incoming.resolve(name));
            }
            Launcher.Result consumed = launcher.run("client", "paperless:consume " + incoming);
            assertEquals(0, consumed.exitCode(), consumed.output());
            List<Path> archives = pdfs(launcher.dataDir.resolve("media/archive"));
            assertEquals(3, archives.size(), "an archive copy of each: " + archives);
            archives.forEach(ArchivePdfAIT::assertPdfA2b);

            Path export = launcher.dataDir.resolve("export");
            Launcher.Result exported = launcher.run("client", "paperless:export --no-progress-bar -p " + export);
            assertEquals(0, exported.exitCode(), exported.output());
            List<Path> exportedArchives = pdfs(export.resolve("archive"));
            assertEquals(3, exportedArchives.size());
            exportedArchives.forEach(ArchivePdfAIT::assertPdfA2b);
        } finally {
            launcher.run("stop");
        }
    }

    private static List<Path> pdfs(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    private static void assertPdfA2b(Path pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + ": " + a.getMessage()).distinct().limit(10)
                    .collect(Collectors.joining("\n"));
            assertTrue(result.isCompliant(), pdf + " is not PDF/A-2b:\n" + failures);
        } catch (Exception e) {
            throw new AssertionError(pdf + " could not be validated: " + e, e);
        }
    }
}
