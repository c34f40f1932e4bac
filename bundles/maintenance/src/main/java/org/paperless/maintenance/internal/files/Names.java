package org.paperless.maintenance.internal.files;

import java.util.Locale;

/** Pieces of stored file names. */
public final class Names {

    private Names() {
    }

    /**
     * The extension of a stored original, lower case with its dot (".pdf"), "" when it has none; an
     * encrypted original keeps both (".pdf.gpg").
     */
    public static String extension(String filename) {
        String last = filename.substring(filename.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot <= 0) {
            return "";
        }
        String ext = last.substring(dot).toLowerCase(Locale.ROOT);
        if (ext.equals(".gpg")) {
            int inner = last.lastIndexOf('.', dot - 1);
            return inner > 0 ? last.substring(inner).toLowerCase(Locale.ROOT) : ext;
        }
        return ext;
    }

    /** The name without its extension. */
    public static String stem(String filename) {
        return filename.substring(0, filename.length() - extension(filename).length());
    }

    /** The thumbnail's name: the zero-padded id and the format's extension (.webp or .png), as consumption writes it. */
    public static String thumbnail(long documentId, String extension) {
        return String.format(Locale.ROOT, "%07d", documentId) + extension;
    }
}
