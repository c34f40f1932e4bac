package org.paperless.plugins.parser.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paperless.api.parser.ParsedDocument;

/** Text and metadata of every format, without LibreOffice (it is pointed at a program that does not exist). */
class OfficeTextTest {

    private final OfficeDocumentParser textOnly =
            new OfficeDocumentParser(new LibreOffice("/nonexistent/soffice", 10, 1), null);

    @TempDir
    Path folder;

    @Test
    void docxGivesTextTitleAndCreatedDateButNoCopyWithoutLibreOffice() throws Exception {
        ParsedDocument parsed = textOnly.parse(Samples.docx(folder), OfficeMimeTypes.OOXML);

        assertTrue(parsed.text().contains(Samples.DOCX_WORDS), parsed.text());
        assertTrue(parsed.text().startsWith(Samples.TITLE + "\n"), "the title leads the text: " + parsed.text());
        LocalDate created = OffsetDateTime.parse(Samples.CREATED).atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        assertEquals(created, parsed.metadataDate());
        assertNull(parsed.archivePdf());
        assertNull(parsed.thumbnailPng());
    }

    @ParameterizedTest
    @CsvSource({
        "sample.odt, application/vnd.oasis.opendocument.text, zeppelin invoice",
        "sample.rtf, application/rtf, zeppelin invoice",
        "sample.doc, application/x-tika-msoffice, zeppelin invoice",
        "sample.ods, application/vnd.oasis.opendocument.spreadsheet, marmalade budget",
        "sample.odp, application/vnd.oasis.opendocument.presentation, Pelican migration"})
    void formatsMadeByLibreOfficeGiveTheirWords(String name, String mime, String words) throws Exception {
        ParsedDocument parsed = textOnly.parse(Samples.resource(folder, name), mime);

        assertTrue(parsed.text().contains(words), name + ": " + parsed.text());
        assertNull(parsed.archivePdf());
    }

    @Test
    void xlsxAndPptxGiveTheirWords() throws Exception {
        assertTrue(textOnly.parse(Samples.xlsx(folder), OfficeMimeTypes.OOXML).text().contains(Samples.XLSX_WORDS));
        String slides = textOnly.parse(Samples.pptx(folder), OfficeMimeTypes.OOXML).text();
        assertTrue(slides.contains(Samples.PPTX_WORDS) && slides.contains("The second slide"), slides);
    }

    @Test
    void odtRecordsItsPageCount() throws Exception {
        assertEquals(1, textOnly.parse(Samples.resource(folder, "sample.odt"), OfficeMimeTypes.ODF_TEXT).pageCount());
    }

    /** The consumer detects types with Tika core's magic alone; these must be the types the plugin registers. */
    @ParameterizedTest
    @CsvSource({
        "docx, application/x-tika-ooxml",
        "xlsx, application/x-tika-ooxml",
        "pptx, application/x-tika-ooxml",
        "sample.doc, application/x-tika-msoffice",
        "sample.odt, application/vnd.oasis.opendocument.text",
        "sample.ods, application/vnd.oasis.opendocument.spreadsheet",
        "sample.odp, application/vnd.oasis.opendocument.presentation",
        "sample.rtf, application/rtf"})
    void theConsumersDetectionGivesTheRegisteredTypes(String sample, String expected) throws Exception {
        Path file = switch (sample) {
            case "docx" -> Samples.docx(folder);
            case "xlsx" -> Samples.xlsx(folder);
            case "pptx" -> Samples.pptx(folder);
            default -> Samples.resource(folder, sample);
        };
        assertEquals(expected, detect(file));
        assertTrue(OfficeContainer.of(expected).isPresent(), expected + " is registered");
    }

    /** What the consumer's MimeDetector does. */
    private static String detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MimeTypes.getDefaultMimeTypes(OfficeTextTest.class.getClassLoader()).detect(in, new Metadata())
                    .getBaseType().toString();
        }
    }
}
