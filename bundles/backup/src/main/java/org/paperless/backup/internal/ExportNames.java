package org.paperless.backup.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.paperless.api.Document;

/**
 * The names a document's files get inside an export, as paperless-ngx's exporter gives them:
 * {@code <created> <correspondent> <title>} (or, with -f, the name in the media folder), {@code _01}...
 * on a collision, {@code -archive.pdf} and {@code -thumbnail.png} (or .webp) after the same stem, and with -p the
 * folders originals/, archive/, thumbnails/ and json/.
 */
final class ExportNames {

    static final String ORIGINALS = "originals/";
    static final String ARCHIVE = "archive/";
    static final String THUMBNAILS = "thumbnails/";
    static final String JSON = "json/";

    /** The files of one document; archive is null when it has no archive copy; the thumbnail lacks its extension. */
    record Names(String original, String archive, String thumbnail, String manifest) {
    }

    private final boolean useFilenameFormat;
    private final boolean folderPrefix;
    private final Set<String> taken = new HashSet<>();

    ExportNames(boolean useFilenameFormat, boolean folderPrefix) {
        this.useFilenameFormat = useFilenameFormat;
        this.folderPrefix = folderPrefix;
    }

    Names next(Document d, String correspondent) {
        String extension = extension(d.filename());
        String base = useFilenameFormat && d.filename() != null ? withoutExtension(d.filename()) : publicName(d, correspondent);
        String stem = base;
        for (int counter = 1; !taken.add(stem.toLowerCase(Locale.ROOT)); counter++) {
            stem = base + String.format(Locale.ROOT, "_%02d", counter);
        }
        return new Names(prefix(ORIGINALS) + stem + extension,
                d.archiveFilename() == null ? null : prefix(ARCHIVE) + stem + "-archive.pdf",
                prefix(THUMBNAILS) + stem + "-thumbnail",
                prefix(JSON) + stem + "-manifest.json");
    }

    /** Gives the names back: the document is read again and named anew. */
    void forget(Names names) {
        String stem = names.thumbnail().substring(prefix(THUMBNAILS).length(),
                names.thumbnail().length() - "-thumbnail".length());
        taken.remove(stem.toLowerCase(Locale.ROOT));
    }

    private String prefix(String folder) {
        return folderPrefix ? folder : "";
    }

    /** paperless-ngx's str(document): the created date, the correspondent and the title. */
    private static String publicName(Document d, String correspondent) {
        StringBuilder name = new StringBuilder(d.created() == null ? "undated" : d.created().toString());
        if (correspondent != null && !SafeName.part(correspondent).isEmpty()) {
            name.append(' ').append(SafeName.part(correspondent));
        }
        if (!SafeName.part(d.title()).isEmpty()) {
            name.append(' ').append(SafeName.part(d.title()));
        }
        return name.toString();
    }

    static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int slash = filename.lastIndexOf('/');
        int dot = filename.lastIndexOf('.');
        return dot > slash + 1 ? filename.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    private static String withoutExtension(String filename) {
        return filename.substring(0, filename.length() - extension(filename).length());
    }
}
