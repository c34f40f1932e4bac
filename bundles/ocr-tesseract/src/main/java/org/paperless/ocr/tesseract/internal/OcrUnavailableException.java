package org.paperless.ocr.tesseract.internal;

/** Tesseract cannot run at all (library missing, language data missing); the message says what to install. */
final class OcrUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    static final String NOT_INSTALLED = "OCR is not available: Tesseract (libtesseract5) is not installed; "
            + "apt-get install tesseract-ocr tesseract-ocr-eng";

    OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
