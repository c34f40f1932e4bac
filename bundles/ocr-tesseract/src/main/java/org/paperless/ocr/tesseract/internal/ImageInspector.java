package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;

import org.paperless.api.parser.ParseException;
import org.w3c.dom.Node;

/**
 * Reads an image's page sizes and resolutions from its header and refuses oversized images before a
 * single pixel is decoded (the decompression-bomb guard paperless-ngx gets from Pillow).
 */
final class ImageInspector {

    /** More pages than this in one TIFF is a mistake or an attack, not a scan. */
    static final int MAX_PAGES = 2_000;
    private static final int MIN_CREDIBLE_DPI = 70;
    private static final int MAX_CREDIBLE_DPI = 2400;

    private ImageInspector() {
    }

    /** @param name the file's name in messages: a converted HEIC is inspected under its own name */
    static ImageInfo inspect(Path file, String name, long maxPixels) throws ParseException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ParseException("Cannot open " + name);
            }
            ImageReader reader = ImageReaders.forStream(in).orElseThrow(() -> new ParseException("The file " + name
                    + " is not a readable image (PNG, JPEG, TIFF, GIF, BMP or WebP); it may be damaged"));
            try {
                reader.setInput(in, false, false);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if ("webp".equals(format)) {
                    WebpFile.checkComplete(file, name);
                }
                // Only TIFF pages are documents; a GIF's further frames are animation.
                int count = format.startsWith("tif") ? reader.getNumImages(true) : 1;
                if (count < 1) {
                    throw new ParseException("The image " + name + " has no pages; it is probably damaged");
                }
                if (count > MAX_PAGES) {
                    throw new ParseException("The image " + name + " has " + count + " pages; more than "
                            + MAX_PAGES + " are not read");
                }
                List<ImageInfo.Page> pages = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int width = reader.getWidth(i);
                    int height = reader.getHeight(i);
                    checkSize(width, height, maxPixels, count > 1 ? " (page " + (i + 1) + ")" : "");
                    pages.add(new ImageInfo.Page(width, height, dpi(reader, i)));
                }
                return new ImageInfo(format, List.copyOf(pages));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ParseException("The image " + name + " is damaged or truncated and cannot be read: " + reason, e);
        }
    }

    static void checkSize(int width, int height, long maxPixels, String where) throws ParseException {
        if (width <= 0 || height <= 0) {
            throw new ParseException("The image" + where + " declares an impossible size of " + width + " x "
                    + height + " pixels; it is damaged");
        }
        if ((long) width * height > maxPixels) {
            throw new ParseException("The image" + where + " is " + width + " x " + height
                    + " pixels, more than the limit of " + maxPixels + "; it is not decoded (a possible"
                    + " decompression bomb). Raise maxImagePixels in org.paperless.ocr"
                    + " (PAPERLESS_OCR_MAX_IMAGE_PIXELS) if the image is genuine");
        }
    }

    /** The resolution the file records, or 0 when it records none (or nothing believable). */
    private static int dpi(ImageReader reader, int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return 0;
            }
            Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
            for (Node dimension = root.getFirstChild(); dimension != null; dimension = dimension.getNextSibling()) {
                if (!"Dimension".equals(dimension.getNodeName())) {
                    continue;
                }
                for (Node n = dimension.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("VerticalPixelSize".equals(n.getNodeName()) || "HorizontalPixelSize".equals(n.getNodeName())) {
                        Node value = n.getAttributes().getNamedItem("value");
                        float mmPerPixel = value == null ? 0 : Float.parseFloat(value.getNodeValue());
                        if (mmPerPixel > 0) {
                            int dpi = Math.round(25.4f / mmPerPixel);
                            return dpi >= MIN_CREDIBLE_DPI && dpi <= MAX_CREDIBLE_DPI ? dpi : 0;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable metadata is no reason to refuse the image: the configured DPI is used.
        }
        return 0;
    }
}
