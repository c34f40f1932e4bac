package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessResultRenderer;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract engine (a native TessBaseAPI with its language data loaded once), used by one thread
 * only. It reads an image file with Tesseract's own reader (Debian's Leptonica inside libtesseract,
 * never lept4j's Java bindings) and writes, in one recognition pass, the page text and a PDF with the
 * page image under an invisible text layer (Tesseract's PDF renderer, textonly_pdf=0).
 */
final class OcrEngine implements AutoCloseable {

    private final TessAPI api;
    private final TessBaseAPI handle;
    private final String tessdata;

    OcrEngine(TessAPI api, OcrSettings settings) throws OcrUnavailableException {
        this.api = api;
        this.tessdata = settings.tessdataPath();
        this.handle = api.TessBaseAPICreate();
        int rc = api.TessBaseAPIInit2(handle, tessdata, settings.language(), TessOcrEngineMode.OEM_DEFAULT);
        if (rc != 0) {
            api.TessBaseAPIDelete(handle);
            throw new OcrUnavailableException("OCR is not available: Tesseract cannot load the language data '"
                    + settings.language() + "' from " + tessdata + "; install it (e.g. apt-get install "
                    + "tesseract-ocr-" + settings.language().split("\\+")[0] + ") or set TESSDATA_PREFIX", null);
        }
    }

    /**
     * Recognises one single-page image; writes {@code outputBase.pdf} and returns the text.
     *
     * @param dpi the resolution to assume, which also fixes the PDF page size
     */
    String recognize(Path image, int dpi, Path outputBase) throws IOException {
        api.TessBaseAPISetVariable(handle, "user_defined_dpi", Integer.toString(dpi));
        String base = outputBase.toString();
        TessResultRenderer pdf = api.TessPDFRendererCreate(base, tessdata, 0);
        TessResultRenderer text = api.TessTextRendererCreate(base);
        if (pdf == null || text == null) {
            throw new IOException("Tesseract cannot create its output files in " + outputBase.getParent());
        }
        api.TessResultRendererInsert(pdf, text);
        int ok;
        try {
            api.TessBaseAPISetInputName(handle, image.toString());
            ok = api.TessBaseAPIProcessPages(handle, image.toString(), null, 0, pdf);
        } finally {
            api.TessDeleteResultRenderer(pdf); // deletes the chained text renderer too, closing both files
            api.TessBaseAPIClear(handle);
        }
        Path pdfFile = Path.of(base + ".pdf");
        Path textFile = Path.of(base + ".txt");
        if (ok == 0 || !Files.isRegularFile(pdfFile) || !Files.isRegularFile(textFile)) {
            throw new IOException("Tesseract could not read the image");
        }
        return Files.readString(textFile, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        api.TessBaseAPIEnd(handle);
        api.TessBaseAPIDelete(handle);
    }
}
