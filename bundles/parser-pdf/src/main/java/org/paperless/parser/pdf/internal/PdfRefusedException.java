package org.paperless.parser.pdf.internal;

import java.io.IOException;

/**
 * A PDF refused for what reading it would cost. An IOException, so it can leave PDFBox's parser and
 * renderer callbacks; its message is meant for the user and becomes the ParseException's.
 */
final class PdfRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    PdfRefusedException(String message) {
        super(message);
    }
}
