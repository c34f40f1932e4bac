package org.paperless.commands.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What a smaller install (paperless-minimal) leaves out, and the programs some bundles run: for
 * paperless:status, so that an administrator sees what is missing and how to add it.
 */
final class OptionalParts {

    private record Part(String what, String bundle, String feature) {
    }

    private record Tool(String command, String purpose, String debianPackage) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("OCR of scans", "org.paperless.ocr.tesseract", "paperless-ocr-tesseract"),
            new Part("PDF/A copies of PDFs with text", "org.paperless.archive.pdfa", "paperless-archive-pdfa"),
            new Part("e-mail files", "org.paperless.parser.mail", "paperless-parser-mail"),
            new Part("matching rules", "org.paperless.matching", "paperless-matching"),
            new Part("export and import", "org.paperless.backup", "paperless-backup"),
            new Part("maintenance and schedules", "org.paperless.maintenance", "paperless-maintenance"),
            new Part("mail fetching", "org.paperless.mail", "paperless-mail"));

    private static final List<Tool> TOOLS = List.of(
            new Tool("tesseract", "OCR", "tesseract-ocr"),
            new Tool("gs", "PDF/A copies", "ghostscript"),
            new Tool("heif-convert", "HEIC scans", "libheif-examples"),
            new Tool("cwebp", "WebP thumbnails", "webp"));

    private OptionalParts() {
    }

    /** "OCR of scans (feature:install paperless-ocr-tesseract); ..." or "nothing". */
    static String notInstalled(BundleContext context) {
        Set<String> present = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.UNINSTALLED && b.getSymbolicName() != null)
                .map(Bundle::getSymbolicName).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Part part : PARTS) {
            if (!present.contains(part.bundle())) {
                missing.add(part.what() + " (feature:install " + part.feature() + ")");
            }
        }
        return missing.isEmpty() ? "nothing" : String.join("; ", missing);
    }

    /** The programs of installed bundles that are not on the PATH: "gs, for PDF/A copies (apt-get install ghostscript)". */
    static String missingTools(String path) {
        List<String> missing = new ArrayList<>();
        for (Tool tool : TOOLS) {
            if (!onPath(tool.command(), path)) {
                missing.add(tool.command() + ", for " + tool.purpose() + " (apt-get install " + tool.debianPackage() + ")");
            }
        }
        return missing.isEmpty() ? "none" : String.join("; ", missing);
    }

    private static boolean onPath(String command, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }
}
