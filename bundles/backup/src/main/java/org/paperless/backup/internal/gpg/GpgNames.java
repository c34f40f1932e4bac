package org.paperless.backup.internal.gpg;

import java.util.List;
import java.util.Locale;

/**
 * The names older paperless versions gave encrypted files: the original as {@code <name>.gpg} under originals/,
 * the thumbnail as {@code <id, 7 digits>.png.gpg} (later {@code .webp.gpg}) under thumbnails/.
 */
public final class GpgNames {

    public static final String SUFFIX = ".gpg";

    private GpgNames() {
    }

    public static boolean encrypted(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(SUFFIX) && !plain(name).isEmpty();
    }

    /** The name without a trailing {@code .gpg}; the name itself when it has none. */
    public static String plain(String name) {
        if (name == null || !name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            return name;
        }
        String plain = name.substring(0, name.length() - SUFFIX.length());
        return plain.endsWith("/") ? "" : plain;
    }

    /** A name cut where {@link org.paperless.api.naming.UniqueNames} puts its counter: "a/b.pdf" is "a/b" + ".pdf". */
    public record Split(String stem, String extension) {

        public static Split of(String name) {
            int slash = name.lastIndexOf('/');
            int dot = name.lastIndexOf('.');
            return dot > slash + 1 ? new Split(name.substring(0, dot), name.substring(dot)) : new Split(name, "");
        }
    }

    /** The encrypted thumbnails a document may have, and the name each gets once decrypted. */
    public static List<Rename> thumbnails(long documentId) {
        String id = String.format(Locale.ROOT, "%07d", documentId);
        return List.of(new Rename(id + ".png" + SUFFIX, id + ".png"), new Rename(id + ".webp" + SUFFIX, id + ".webp"));
    }

    /** An encrypted file's name and the name of its decrypted twin. */
    public record Rename(String encrypted, String plain) {
    }
}
