package org.paperless.plugins.parser.office;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.paperless.api.archive.PdfArchiver;
import org.paperless.api.parser.ParseException;

/**
 * A PdfArchiver of the tests' own: one Ghostscript pdfwrite run per PDF (the real archiver is another bundle's
 * internal class). Its copies say "Ghostscript" as their producer, which tells them from LibreOffice's.
 */
final class GhostscriptTestArchiver implements PdfArchiver {

    private final String gs;
    int calls;

    GhostscriptTestArchiver(String gs) {
        this.gs = gs;
    }

    @Override
    public void archive(Path pdf, Path target) throws ParseException {
        calls++;
        try {
            Process process = new ProcessBuilder(gs, "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
                    "-dPDFA=2", "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB",
                    "-sOutputFile=" + target, pdf.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || Files.size(target) == 0) {
                throw new ParseException("Ghostscript failed: " + output);
            }
        } catch (IOException e) {
            throw new ParseException("Ghostscript cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("interrupted", e);
        }
    }
}
