package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.paperless.api.parser.ParseException;

/** OCR of page images another parser rendered (a scanned PDF): pages in parallel, one PDF/A of them all. */
final class PageOcr {

    private final OcrRuntime runtime;

    PageOcr(OcrRuntime runtime) {
        this.runtime = runtime;
    }

    /** A page past the limit: its picture in the archive, no text (the caller may have some). */
    static String picture(Path image, int dpi, Path base) throws IOException {
        PicturePage.write(image, dpi, base.resolveSibling(base.getFileName() + ".pdf"));
        return "";
    }

    List<String> recognize(List<Path> images, int dpi, Path archive, String title) throws ParseException {
        try {
            runtime.api();
        } catch (OcrUnavailableException e) {
            throw new ParseException(e.getMessage(), e);
        }
        Path work = null;
        List<Future<String>> pages = new ArrayList<>();
        try {
            work = Files.createTempDirectory("paperless-ocr-");
            List<Path> pagePdfs = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Path image = images.get(i);
                Path base = work.resolve("page-" + i);
                pagePdfs.add(work.resolve("page-" + i + ".pdf"));
                if (runtime.settings().ocrs(i)) {
                    pages.add(runtime.submit(engine -> engine.recognize(image, dpi, base)));
                } else {
                    pages.add(runtime.submit(engine -> picture(image, dpi, base)));
                }
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> page : pages) {
                texts.add(page.get().strip());
            }
            PdfaArchive.write(pagePdfs, archive, title);
            return texts;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ParseException("OCR of " + title + " failed: " + cause.getMessage(), cause);
        } catch (RejectedExecutionException e) {
            throw new ParseException("OCR was stopped while " + title + " was waiting; consume it again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("OCR of " + title + " was interrupted", e);
        } catch (IOException e) {
            throw new ParseException("OCR of " + title + " failed: " + e.getMessage(), e);
        } finally {
            pages.forEach(f -> f.cancel(true));
            ImageOcr.deleteTree(work);
        }
    }
}
