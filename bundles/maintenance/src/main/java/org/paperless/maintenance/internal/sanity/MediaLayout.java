package org.paperless.maintenance.internal.sanity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.paperless.api.Document;
import org.paperless.api.storage.MediaArea;

/**
 * Where a document's files are: originals/<filename>, archive/<archive filename> and
 * thumbnails/<id as 7 digits>.webp (.png where no WebP encoder ran, and from older versions).
 */
final class MediaLayout {

    /** Turns a stored name into a path; IllegalArgumentException for a name that would leave its area. */
    @FunctionalInterface
    interface Resolver {
        Path resolve(MediaArea area, String name);
    }

    private final Path root;
    private final Resolver resolver;

    MediaLayout(Path root, Resolver resolver) {
        this.root = root.toAbsolutePath().normalize();
        this.resolver = resolver;
    }

    /** Resolves names under {@code root} itself, refusing what the media store refuses. */
    static MediaLayout under(Path root) {
        Path media = root.toAbsolutePath().normalize();
        return new MediaLayout(media, (area, name) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a file name inside " + area.folder() + "/ is required");
            }
            Path base = media.resolve(area.folder());
            Path path = base.resolve(name).normalize();
            if (!path.startsWith(base) || path.equals(base) || climbs(name)) {
                throw new IllegalArgumentException("'" + name + "' does not name a file inside " + base);
            }
            return path;
        });
    }

    private static boolean climbs(String name) {
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    Path root() {
        return root;
    }

    Path original(Document d) {
        return resolver.resolve(MediaArea.ORIGINALS, d.filename());
    }

    Path archive(Document d) {
        return resolver.resolve(MediaArea.ARCHIVE, d.archiveFilename());
    }

    /** The WebP consumption writes (as the REST API serves it first), else the PNG older versions wrote. */
    Path thumbnail(Document d) {
        String stem = String.format(Locale.ROOT, "%07d", d.id());
        Path webp = resolver.resolve(MediaArea.THUMBNAILS, stem + ".webp");
        if (Files.isRegularFile(webp)) {
            return webp;
        }
        Path png = resolver.resolve(MediaArea.THUMBNAILS, stem + ".png");
        return Files.isRegularFile(png) ? png : webp;
    }

    /** The name a file goes by in the orphan search: relative to the media root. */
    String key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
