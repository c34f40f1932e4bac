package org.paperless.ocr.tesseract.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one image file: header check, pages OCRed in parallel, thumbnail, PDF/A archive. A HEIC/HEIF image
 * is converted to PNG first (Java cannot decode it) and then read like any other.
 */
final class ImageOcr {

    /** The types Tika gives HEIF files: image/heic for the HEVC brands (phones), image/heif for mif1. */
    static final Set<String> HEIF_TYPES = Set.of("image/heic", "image/heif");

    private static final Logger LOG = LoggerFactory.getLogger(ImageOcr.class);

    private final OcrRuntime runtime;
    private final HeifConverter heif;

    ImageOcr(OcrRuntime runtime, HeifConverter heif) {
        this.runtime = runtime;
        this.heif = heif;
    }

    /** The thumbnail alone, without OCR: for making thumbnails again. */
    byte[] thumbnail(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        if (!HEIF_TYPES.contains(mimeType)) {
            return thumbnail(file, ImageInspector.inspect(file, name, runtime.settings().maxImagePixels()), name);
        }
        try (HeifConverter.Converted converted = convert(file, name)) {
            Path image = converted.image();
            return thumbnail(image, ImageInspector.inspect(image, name, runtime.settings().maxImagePixels()), name);
        }
    }

    ParsedDocument parse(Path file, String mimeType) throws ParseException {
        String name = file.getFileName().toString();
        if (!HEIF_TYPES.contains(mimeType)) {
            return read(file, name);
        }
        try (HeifConverter.Converted converted = convert(file, name)) {
            return read(converted.image(), name);
        }
    }

    /** The declared sizes are checked before heif-convert decodes anything; the output's header after. */
    private HeifConverter.Converted convert(Path file, String name) throws ParseException {
        HeifBoxes.check(file, name, runtime.settings().maxImagePixels());
        return heif.convert(file, name);
    }

    /** @param name the name of the file the user gave, which a converted HEIC's image does not have */
    private ParsedDocument read(Path file, String name) throws ParseException {
        OcrSettings settings = runtime.settings();
        ImageInfo info = ImageInspector.inspect(file, name, settings.maxImagePixels());
        try {
            runtime.api();
        } catch (OcrUnavailableException e) {
            throw new ParseException(e.getMessage(), e);
        }
        long start = System.nanoTime();
        Path work = null;
        Path archive = null;
        List<Future<String>> pages = new ArrayList<>();
        try {
            work = Files.createTempDirectory("paperless-ocr-");
            for (int i = 0; i < info.pages().size(); i++) {
                pages.add(submitPage(file, info, i, work));
            }
            byte[] thumbnail = thumbnail(file, info, name);
            StringBuilder text = new StringBuilder();
            List<Path> pagePdfs = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                String pageText = pages.get(i).get().strip();
                if (text.length() > 0 && !pageText.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(pageText);
                pagePdfs.add(work.resolve("page-" + i + ".pdf"));
            }
            archive = Files.createTempFile("paperless-archive-", ".pdf");
            PdfaArchive.write(pagePdfs, archive, stem(name));
            LOG.debug("OCR of {}: {} pages, {} characters in {} ms", name, pages.size(), text.length(),
                    (System.nanoTime() - start) / 1_000_000);
            ParsedDocument result = new ParsedDocument(text.toString(), pages.size(), null, thumbnail, archive);
            archive = null;
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ParseException pe) {
                throw pe;
            }
            if (cause instanceof OcrUnavailableException) {
                throw new ParseException(cause.getMessage(), cause);
            }
            LOG.warn("OCR of {} failed: {}", name, cause.toString());
            throw new ParseException("The image " + name + " cannot be read by Tesseract: " + cause.getMessage(), cause);
        } catch (RejectedExecutionException e) {
            throw new ParseException("OCR was stopped while " + name + " was waiting; consume it again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("OCR of " + name + " was interrupted", e);
        } catch (IOException e) {
            LOG.warn("OCR of {} failed: {}", name, e.toString());
            throw new ParseException("OCR of " + name + " failed: " + e.getMessage(), e);
        } finally {
            pages.forEach(f -> f.cancel(true));
            deleteQuietly(archive);
            deleteTree(work);
        }
    }

    private Future<String> submitPage(Path file, ImageInfo info, int index, Path work) {
        ImageInfo.Page page = info.pages().get(index);
        int dpi = page.dpi() > 0 ? page.dpi() : runtime.settings().imageDpi();
        Path base = work.resolve("page-" + index);
        return runtime.submit(engine -> {
            Path image = file;
            if (info.pages().size() > 1) {
                // Each page of a multi-page TIFF becomes a file of its own so that pages run in parallel.
                image = work.resolve("page-" + index + ".png");
                writePage(file, index, image);
            }
            if (!runtime.settings().ocrs(index)) {
                return PageOcr.picture(image, dpi, base);
            }
            return engine.recognize(image, dpi, base);
        });
    }

    private static void writePage(Path file, int index, Path target) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageReaders.forStream(in).orElseThrow(() -> new IOException("no image reader"));
            try {
                reader.setInput(in, false, true);
                BufferedImage image = reader.read(index);
                if (!ImageIO.write(image, "png", target.toFile())) {
                    throw new IOException("no PNG writer for page " + (index + 1));
                }
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] thumbnail(Path file, ImageInfo info, String name) {
        try {
            return Thumbnails.firstPage(file, info.pages().get(0));
        } catch (IOException | RuntimeException e) {
            // Tesseract may read what Java cannot (a CMYK JPEG, say): the document still gets its text.
            LOG.warn("No thumbnail for {}: {}", name, e.toString());
            return null;
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}: {}", file, e.toString());
            }
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(ImageOcr::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}: {}", dir, e.toString());
        }
    }
}
