package org.paperless.plugins.parser.office;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Sample documents with known words. The Office Open XML ones are written here with POI; the others were
 * made from them once with LibreOffice 7.4 and are in src/test/resources (see the README there).
 */
final class Samples {

    static final String TITLE = "Quarterly heating report";
    static final String CREATED = "2021-03-14T10:00:00Z";
    static final String DOCX_WORDS = "The zeppelin invoice from Stadtwerke Musterstadt";
    static final String XLSX_WORDS = "marmalade budget";
    static final String PPTX_WORDS = "Pelican migration slides";

    private Samples() {
    }

    static Path docx(Path folder) throws IOException {
        Path file = folder.resolve("sample.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.getProperties().getCoreProperties().setTitle(TITLE);
            try {
                document.getProperties().getCoreProperties().setCreated(CREATED);
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            document.createParagraph().createRun().setText(DOCX_WORDS);
            document.createParagraph().createRun().setText("Second paragraph about the heating season.");
            document.write(out);
        }
        return file;
    }

    static Path xlsx(Path folder) throws IOException {
        Path file = folder.resolve("sample.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Costs");
            sheet.createRow(0).createCell(0).setCellValue(XLSX_WORDS);
            sheet.createRow(1).createCell(0).setCellValue(1234.5);
            workbook.write(out);
        }
        return file;
    }

    static Path pptx(Path folder) throws IOException {
        Path file = folder.resolve("sample.pptx");
        try (XMLSlideShow slides = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFTextBox box = slides.createSlide().createTextBox();
            box.setAnchor(new Rectangle(50, 50, 500, 100));
            box.setText(PPTX_WORDS);
            XSLFTextBox second = slides.createSlide().createTextBox();
            second.setAnchor(new Rectangle(50, 50, 500, 100));
            second.setText("The second slide");
            slides.write(out);
        }
        return file;
    }

    /** sample.odt, .ods, .odp, .rtf or .doc from the test resources. */
    static Path resource(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = Samples.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
