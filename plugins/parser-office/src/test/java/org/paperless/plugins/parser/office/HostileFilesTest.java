package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;

/**
 * Files made to harm are refused with a reason before anything reads them in full, and nothing is left
 * running. The parser has the real LibreOffice when it is installed, so a check that let a file through would
 * show as a LibreOffice run (and its job folder) here.
 */
class HostileFilesTest {

    private static final String SECRET = "TOPSECRET-PASSPHRASE-4711";

    private final OfficeDocumentParser parser = new OfficeDocumentParser(new LibreOffice("soffice", 120, 1), null);

    @TempDir
    Path folder;

    private Path secret;
    private Leftovers leftovers;

    @BeforeEach
    void secretFile() throws Exception {
        secret = Files.writeString(folder.resolve("secret.txt"), SECRET);
        leftovers = Leftovers.snapshot();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        leftovers.assertNone();
    }

    @Test
    void aZipBombIsRefusedAfterInflatingAFractionOfIt() throws Exception {
        Path bomb = HostileDocuments.zipBombDocx(folder, 200);
        assertTrue(Files.size(bomb) < 1024 * 1024, "the bomb is small: " + Files.size(bomb));

        long started = System.nanoTime();
        ParseException refused = assertThrows(ParseException.class, () -> parser.parse(bomb, OfficeMimeTypes.OOXML));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(refused.getMessage().contains("word/document.xml inflates to more than 100 times its compressed size"),
                refused.getMessage());
        // The ratio rule stops at 100 times the compressed size (about 20 MB of the 200); the time only shows it
        // is not waiting on anything.
        assertTrue(millis < 5000, "refused after " + millis + " ms");
    }

    @Test
    void anEntityReadingALocalFileIsRefusedAndNothingOfTheFileShows() throws Exception {
        Path xxe = HostileDocuments.xxeDocx(folder, secret);

        ParseException refused = assertThrows(ParseException.class, () -> parser.parse(xxe, OfficeMimeTypes.OOXML));

        assertTrue(refused.getMessage().contains("word/document.xml declares entities"), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET));
    }

    @Test
    void anEntityInUtf16IsFoundToo() throws Exception {
        Path xxe = HostileDocuments.xxeOdtUtf16(folder, secret);

        ParseException refused = assertThrows(ParseException.class, () -> parser.parse(xxe, OfficeMimeTypes.ODF_TEXT));

        assertTrue(refused.getMessage().contains("content.xml declares entities"), refused.getMessage());
    }

    /** No internal subset, so it passes the check: then the parsers must not load the DTD it names. */
    @Test
    void anExternalDtdIsNeverLoaded() throws Exception {
        Path dtd = HostileDocuments.externalDtdOdt(folder, secret);

        String seen;
        try {
            ParsedDocument parsed = parser.parse(dtd, OfficeMimeTypes.ODF_TEXT);
            seen = parsed.text() + PdfChecks.textOf(parsed.archivePdf());
            Rendition.delete(parsed.archivePdf());
        } catch (ParseException e) {
            seen = e.getMessage();
        }
        assertFalse(seen.contains(SECRET), seen);
    }

    @Test
    void truncatedFilesAreRefusedAsDamaged() throws Exception {
        Path docx = HostileDocuments.truncated(Samples.docx(folder), 60);
        Path odt = HostileDocuments.truncated(Samples.resource(folder, "sample.odt"), 50);
        Path doc = HostileDocuments.truncated(Samples.resource(folder, "sample.doc"), 50);

        for (Object[] file : new Object[][] {{docx, OfficeMimeTypes.OOXML}, {odt, OfficeMimeTypes.ODF_TEXT},
                {doc, OfficeMimeTypes.OLE2}}) {
            ParseException refused = assertThrows(ParseException.class, () -> parser.parse((Path) file[0], (String) file[1]));
            assertTrue(refused.getMessage().contains("damaged or truncated"), refused.getMessage());
        }
    }

    @Test
    void anOle2FileThatIsNoOfficeDocumentIsRefused() throws Exception {
        ParseException refused = assertThrows(ParseException.class,
                () -> parser.parse(HostileDocuments.outlookLike(folder), OfficeMimeTypes.OLE2));

        assertTrue(refused.getMessage().contains("not a Word, Excel or PowerPoint document"), refused.getMessage());
    }

    @Test
    void anEncryptedDocumentIsRefusedWithWhatToDo() throws Exception {
        ParseException refused = assertThrows(ParseException.class,
                () -> parser.parse(HostileDocuments.encryptedDocx(folder), OfficeMimeTypes.OLE2));

        assertTrue(refused.getMessage().contains("encrypted with a password; remove the password"), refused.getMessage());
    }

    @Test
    void aFileThatIsNoZipAtAllIsRefused() throws Exception {
        Path junk = Files.write(folder.resolve("junk.docx"), "PK\u0003\u0004 but nothing else".getBytes());

        ParseException refused = assertThrows(ParseException.class, () -> parser.parse(junk, OfficeMimeTypes.OOXML));

        assertTrue(refused.getMessage().contains("damaged or truncated"), refused.getMessage());
    }
}
