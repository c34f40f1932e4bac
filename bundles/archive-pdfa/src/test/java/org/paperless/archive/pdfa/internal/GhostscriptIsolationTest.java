package org.paperless.archive.pdfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperless.api.parser.ParseException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

/**
 * Files that try to run PostScript in the long-lived Ghostscript, against the real gs: their PostScript
 * never runs (it would create a probe file in the one folder gs may write to), and the next document on the
 * same process gets its own, valid archive copy.
 */
class GhostscriptIsolationTest {

    private static final String PDF_TEXT = "The PDF inside the hostile file";

    @TempDir
    Path dir;

    private Path work;
    private Path probe;
    private GhostscriptArchiver archiver;

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** Ghostscript may always read its temp folder (/tmp): the work folder lies elsewhere, as in production. */
    @BeforeEach
    void oneArchiverWithOneProcess() throws IOException {
        work = Files.createDirectories(Path.of("target/gs-work").toAbsolutePath()).resolve(UUID.randomUUID().toString());
        archiver = new GhostscriptArchiver(work, "gs", 120, 1);
        probe = work.toRealPath().resolve(PdfaDefinition.JOBS_FOLDER).resolve("postscript-ran");
    }

    @AfterEach
    void stop() {
        archiver.deactivate();
    }

    @ParameterizedTest
    @ValueSource(strings = {HostileFiles.DOUBLE_PERCENT_PDF, HostileFiles.POSTSCRIPT, HostileFiles.PDF_THEN_POSTSCRIPT})
    void aPolyglotIsArchivedAsItsPdfOnlyAndTheNextDocumentGetsItsOwnCopy(String firstLine) throws Exception {
        Path hostile = dir.resolve("invoice.pdf");
        Files.write(hostile, HostileFiles.postScriptPolyglot(firstLine, probePostScript(),
                Files.readAllBytes(GhostscriptArchiverTest.onePage(dir.resolve("inside.pdf"), PDF_TEXT))));
        Path archive = dir.resolve("invoice-archive.pdf");

        archiver.archive(hostile, archive);

        assertFalse(Files.exists(probe), "Ghostscript ran the file's PostScript");
        assertArchiveOf(archive, PDF_TEXT);
        assertTheNextDocumentsGetTheirOwnCopies();
    }

    @Test
    void aPostScriptFileWithoutAPdfIsRefusedBeforeGhostscriptSeesIt() throws Exception {
        Path hostile = dir.resolve("letter.pdf");
        Files.writeString(hostile, HostileFiles.POSTSCRIPT + "\n" + probePostScript() + "\nshowpage\n",
                StandardCharsets.ISO_8859_1);
        Path archive = dir.resolve("letter-archive.pdf");

        ParseException e = assertThrows(ParseException.class, () -> archiver.archive(hostile, archive));

        assertEquals("No archive copy of letter.pdf: it has no %PDF- header in its first 1024 bytes, "
                + "so it is not a PDF Ghostscript may read", e.getMessage());
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(probe), "Ghostscript ran the file's PostScript");
        assertTheNextDocumentsGetTheirOwnCopies();
    }

    /** PostScript inside a PDF (a PostScript XObject, the PS operator) is for printers; gs must not run it. */
    @Test
    void aPdfCarryingPostScriptCannotChangeTheNextDocument() throws Exception {
        Path hostile = pdfCarryingPostScript(dir.resolve("carrier.pdf"), probePostScript());
        Path archive = dir.resolve("carrier-archive.pdf");

        archiver.archive(hostile, archive);

        assertFalse(Files.exists(probe), "Ghostscript ran the PDF's PostScript");
        assertArchiveOf(archive, PDF_TEXT);
        assertTheNextDocumentsGetTheirOwnCopies();
    }

    /** The last guard: whatever the caller did, a process is never handed a file that is not a PDF at byte 0. */
    @Test
    void aProcessRefusesAJobFileThatDoesNotBeginWithThePdfHeader() throws Exception {
        PdfaDefinition definition = PdfaDefinition.writeTo(work.resolveSibling(UUID.randomUUID().toString()));
        Path source = definition.jobs().resolve("job-in.pdf");
        Files.write(source, HostileFiles.postScriptPolyglot(HostileFiles.DOUBLE_PERCENT_PDF, probePostScript(),
                Files.readAllBytes(GhostscriptArchiverTest.onePage(dir.resolve("inside.pdf"), PDF_TEXT))));
        try (GhostscriptProcess process = GhostscriptProcess.start("gs", definition)) {
            IOException e = assertThrows(IOException.class,
                    () -> process.convert(source, definition.jobs().resolve("job-out.pdf"), 60));
            assertEquals("Ghostscript is given PDFs only, and job-in.pdf does not begin with %PDF-", e.getMessage());
        }
        assertFalse(Files.exists(probe), "Ghostscript ran the file's PostScript");
        assertFalse(Files.exists(definition.jobs().resolve("job-out.pdf")));
    }

    /**
     * Should PostScript ever run inside a job (here the prologue, the one PostScript a job runs, is made
     * hostile for the first job), what it defines ends with the job.
     */
    @Test
    void whatAJobDefinesDoesNotOutliveIt() throws Exception {
        PdfaDefinition definition = PdfaDefinition.writeTo(work.resolveSibling(UUID.randomUUID().toString()));
        String prologue = Files.readString(definition.prologue(), StandardCharsets.US_ASCII);
        Files.writeString(definition.prologue(), HostileFiles.HIJACK + "\n" + prologue, StandardCharsets.US_ASCII);
        try (GhostscriptProcess process = GhostscriptProcess.start("gs", definition)) {
            Path first = definition.jobs().resolve("first-in.pdf");
            GhostscriptArchiverTest.onePage(first, "The first document");
            process.convert(first, definition.jobs().resolve("first-out.pdf"), 60);
            Files.writeString(definition.prologue(), prologue, StandardCharsets.US_ASCII);
            Path second = definition.jobs().resolve("second-in.pdf");
            GhostscriptArchiverTest.onePage(second, "The second document");
            Path output = definition.jobs().resolve("second-out.pdf");

            GhostscriptProcess.Outcome outcome = process.convert(second, output, 60);

            assertFalse(outcome.stopped(), outcome.messages());
            assertFalse(outcome.messages().contains("HIJACKED"), outcome.messages());
            assertArchiveOf(output, "The second document");
        }
    }

    /** Creates the probe file, then takes over what later jobs call. */
    private String probePostScript() {
        return "(" + probe + ") (w) file closefile\n" + HostileFiles.HIJACK;
    }

    private void assertTheNextDocumentsGetTheirOwnCopies() throws Exception {
        for (int i = 1; i <= 2; i++) {
            String text = "Next document number " + i;
            Path archive = dir.resolve("next" + i + "-archive.pdf");
            archiver.archive(GhostscriptArchiverTest.onePage(dir.resolve("next" + i + ".pdf"), text), archive);
            assertArchiveOf(archive, text);
        }
        GhostscriptArchiverTest.awaitSpare(archiver);
        try (var jobs = Files.list(work.resolve(PdfaDefinition.JOBS_FOLDER))) {
            assertEquals(List.of("idle.pdf"), jobs.map(p -> p.getFileName().toString()).toList(),
                    "only the idle output is left in the jobs folder");
        }
    }

    private static void assertArchiveOf(Path archive, String text) throws Exception {
        GhostscriptArchiverTest.assertPdfA2b(archive);
        try (PDDocument document = Loader.loadPDF(archive.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            assertEquals(text, new PDFTextStripper().getText(document).strip());
        }
    }

    /** A one-page PDF whose page also draws a PostScript XObject and calls the PS operator. */
    private static Path pdfCarryingPostScript(Path file, String postScript) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(FontName.COURIER), 11);
                content.newLineAtOffset(72, 700);
                content.showText(PDF_TEXT);
                content.endText();
            }
            COSStream xobject = document.getDocument().createCOSStream();
            xobject.setItem(COSName.TYPE, COSName.XOBJECT);
            xobject.setItem(COSName.SUBTYPE, COSName.getPDFName("PS"));
            try (var out = xobject.createOutputStream()) {
                out.write(postScript.getBytes(StandardCharsets.ISO_8859_1));
            }
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(COSName.getPDFName("Hostile"), xobject);
            page.getResources().getCOSObject().setItem(COSName.XOBJECT, xobjects);
            String escaped = postScript.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
            PDStream calls = new PDStream(document);
            try (var out = calls.createOutputStream()) {
                out.write(("/Hostile Do\n(" + escaped + ") PS\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(List.of(page.getContentStreams().next(), calls));
            document.save(file.toFile());
        }
        return file;
    }
}
