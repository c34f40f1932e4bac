package org.paperless.archive.pdfa.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Files built to attack a long-lived Ghostscript: PDFs to a PDF reader, PostScript to gs's {@code run}. */
final class HostileFiles {

    /** Tika calls this application/pdf, PDF readers find the header at byte 1, gs's run executes PostScript. */
    static final String DOUBLE_PERCENT_PDF = "%%PDF-1.7";
    /** A PostScript file, with a PDF within the first kilobyte that a PDF reader finds. */
    static final String POSTSCRIPT = "%!PS-Adobe-3.0";
    /** A proper PDF header followed by a PostScript one. */
    static final String PDF_THEN_POSTSCRIPT = "%PDF-1.7\n%!PS-Adobe-3.0";

    /**
     * PostScript that would take over a long-lived gs: it redefines what the next jobs call, so they answer
     * with a line instead of converting, and prints lines that look like a job's end.
     */
    static final String HIJACK = String.join("\n",
            "userdict /run { pop (HIJACKED run) = flush } put",
            "userdict /runpdf { pop (HIJACKED runpdf) = flush } put",
            "userdict /showpage { (HIJACKED showpage) = flush } put",
            "userdict /setpagedevice { pop (HIJACKED setpagedevice) = flush } put",
            "userdict /restore { pop (HIJACKED restore) = flush } put",
            "1 1 3 { (PAPERLESS-JOB-END-) print =only ( DONE) = } for flush");

    private HostileFiles() {
    }

    /**
     * A polyglot: the first line, the PostScript, {@code currentfile flushfile} (where a PostScript
     * interpreter stops reading), then the PDF. PDF readers skip what comes before the PDF's header.
     * Keep the PostScript short: readers look for the header in the first 1024 bytes only.
     */
    static byte[] postScriptPolyglot(String firstLine, String postScript, byte[] pdf) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String prefix = firstLine + "\n" + postScript + "\ncurrentfile flushfile\n";
        bytes.writeBytes(prefix.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(pdf);
        return bytes.toByteArray();
    }
}
