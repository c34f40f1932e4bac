package org.paperless.ocr.tesseract.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Scans drawn with Java2D: a white 1700 x 2200 page (a letter page at 200 dpi, OCRed as 300 dpi) with known words. */
final class TestImages {

    static final List<String> PAGE_ONE = List.of(
            "The", "quarterly", "invoice", "from", "Northern", "Garden", "Supplies",
            "arrived", "on", "Monday", "morning", "with", "seven", "boxes",
            "of", "tomato", "seeds", "and", "twelve", "copper", "watering",
            "cans", "please", "transfer", "the", "payment", "before", "Friday",
            "using", "account", "number", "printed", "below", "thank", "you",
            "kindly", "for", "your", "loyal", "business");
    static final List<String> PAGE_TWO = List.of(
            "Second", "page", "contains", "the", "delivery", "terms", "which",
            "require", "signatures", "from", "both", "parties", "within", "thirty",
            "days", "otherwise", "the", "warehouse", "will", "return", "every",
            "parcel", "to", "its", "sender", "without", "further", "notice",
            "questions", "should", "reach", "our", "office", "in", "Lisbon",
            "during", "regular", "opening", "hours", "only");

    private TestImages() {
    }

    static BufferedImage page(List<String> words, boolean serif) {
        BufferedImage image = new BufferedImage(1700, 2200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(serif ? Font.SERIF : Font.SANS_SERIF, Font.PLAIN, 46));
        int perLine = 7;
        int y = 250;
        for (int i = 0; i < words.size(); i += perLine) {
            g.drawString(String.join(" ", words.subList(i, Math.min(words.size(), i + perLine))), 150, y);
            y += 110;
        }
        g.dispose();
        return image;
    }

    static Path png(Path dir, String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static Path tiff(Path dir, String name, BufferedImage... pages) throws IOException {
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A tiny PNG whose IHDR declares width x height (the CRC fixed), so only a decoder would notice. */
    static Path pngDeclaring(Path dir, String name, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", bytes);
        byte[] png = bytes.toByteArray();
        // signature (8) + length (4) + "IHDR" (4) + width (4) + height (4) ...; CRC over type + 13 data bytes
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        Path file = dir.resolve(name);
        Files.write(file, png);
        return file;
    }

    static Set<String> wordSet(String text) {
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }

    /** The share of the drawn words (as a set, case-insensitive) that appear in the text. */
    static double found(List<String> drawn, String text) {
        Set<String> expected = wordSet(String.join(" ", drawn));
        expected.remove("");
        Set<String> got = wordSet(text);
        long hits = expected.stream().filter(got::contains).count();
        return (double) hits / expected.size();
    }
}
