package org.paperless.parser.mail.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Page 1 of the rendered mail as a PNG about 400 pixels wide. */
final class MailThumbnail {

    static final int TARGET_WIDTH = 400;

    private MailThumbnail() {
    }

    static byte[] render(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            float widthInPoints = document.getPage(0).getCropBox().getWidth();
            float dpi = TARGET_WIDTH * 72f / widthInPoints;
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        }
    }
}
