package org.paperless.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    @Test
    void sameSeedGivesSameFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        new CorpusGenerator(11).write(a, 12, 0.3);
        new CorpusGenerator(11).write(b, 12, 0.3);
        List<Path> files = list(a);
        assertEquals(files.stream().map(Path::getFileName).toList(), list(b).stream().map(Path::getFileName).toList());
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json") || name.endsWith(".pdf")) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(name)), name);
            }
        }
    }

    @Test
    void differentSeedGivesOtherDocuments() {
        assertTrue(!new CorpusGenerator(1).next().equals(new CorpusGenerator(2).next()));
    }

    @Test
    void twentyDocumentsGiveOneGroundTruthAndTheirFilesEach(@TempDir Path dir) throws IOException {
        new CorpusGenerator(5).write(dir, 20, 0.2);
        List<Path> files = list(dir);
        long json = files.stream().filter(f -> f.toString().endsWith(".json")).count();
        long pdf = files.stream().filter(f -> f.toString().endsWith(".pdf")).count();
        long png = files.stream().filter(f -> f.toString().endsWith(".png")).count();
        assertEquals(20, json);
        int scannedPages = 0;
        int scannedDocs = 0;
        for (Path f : files) {
            if (f.toString().endsWith(".json")) {
                String text = Files.readString(f);
                if (text.contains("\"kind\": \"scanned\"")) {
                    scannedDocs++;
                    scannedPages += Integer.parseInt(field(text, "pages"));
                }
            }
        }
        assertEquals(20, pdf + scannedDocs);
        assertEquals(scannedPages, png);
        assertTrue(scannedDocs > 0 && pdf > 0, "seed 5 gives both kinds");
        assertEquals(20 + pdf + png, files.size(), "no temp files left behind");
    }

    @Test
    void pdfTextLayerHoldsTitleAndAmount(@TempDir Path dir) throws IOException {
        CorpusGenerator generator = new CorpusGenerator(3);
        int checked = 0;
        for (int i = 0; i < 15; i++) {
            GeneratedDocument d = generator.next();
            Path pdf = dir.resolve(d.baseName() + ".pdf");
            try (var out = Files.newOutputStream(pdf)) {
                PdfWriter.write(d, out);
            }
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertEquals(d.pages().size(), doc.getNumberOfPages());
                String text = new PDFTextStripper().getText(doc);
                assertTrue(text.contains(d.title()), d.title());
                if (d.amount() != null) {
                    assertTrue(text.contains(d.amount()), d.amount());
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "some documents state an amount");
    }

    @Test
    void scannedPageHasA4SizeAt150DpiAndIsNotBlank(@TempDir Path dir) throws IOException {
        new CorpusGenerator(9).write(dir, 3, 1.0);
        Path png = list(dir).stream().filter(f -> f.toString().endsWith("_p1.png")).findFirst().orElseThrow();
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertEquals(1240, img.getWidth());
        assertEquals(1754, img.getHeight());
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 2000, "text drawn: " + dark + " dark samples");
    }

    @Test
    void textStaysWithinWinAnsiAndLineWidth() {
        CorpusGenerator generator = new CorpusGenerator(17);
        for (int i = 0; i < 300; i++) {
            GeneratedDocument d = generator.next();
            assertTrue(d.pages().size() >= 1 && d.pages().size() <= 3, d.baseName());
            for (List<String> page : d.pages()) {
                for (String line : page) {
                    assertEquals(line, WinAnsi.clean(line));
                    assertTrue(line.length() <= TextComposer.WIDTH || line.contains("IBAN"), line);
                }
            }
        }
    }

    @Test
    void jsonEscapesQuotesAndNewlines() {
        assertEquals("\"a\\\"b\\nc\\\\\"", GroundTruthWriter.str("a\"b\nc\\"));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": ([0-9]+)").matcher(json);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
