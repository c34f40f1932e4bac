package org.paperless.ocr.tesseract.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A page past the OCR page limit: the picture alone, at its real size, so the archive still shows every
 * page. No text, no font: nothing that could make the PDF/A invalid.
 */
final class PicturePage {

    private PicturePage() {
    }

    static void write(Path image, int dpi, Path pdf) throws IOException {
        BufferedImage picture = ImageIO.read(image.toFile());
        if (picture == null) {
            throw new IOException("no image reader for " + image.getFileName());
        }
        try (PDDocument document = new PDDocument()) {
            float width = picture.getWidth() * 72f / dpi;
            float height = picture.getHeight() * 72f / dpi;
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(document, picture);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 0, 0, width, height);
            }
            document.save(pdf.toFile());
        }
    }
}
