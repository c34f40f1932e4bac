package org.paperless.maintenance.internal.sanity;

import java.util.Locale;
import java.util.Set;

/**
 * Files in the media folder that are nobody's orphans: what desktops, NAS indexers and sync tools leave
 * behind (paperless-ngx's IGNORABLE_FILES and a few more of Syncthing's), and the media store's own
 * temporary files of a write in progress.
 */
final class IgnoredFiles {

    private static final Set<String> FILES = Set.of(".ds_store", "thumbs.db", "desktop.ini", ".stignore");
    private static final Set<String> FOLDERS = Set.of("@eadir", ".stfolder", ".stversions", ".localized");
    /** MediaStoreComponent's (and the importer's) temporary names: .tmp-<random>.part */
    private static final String TEMP_PREFIX = ".tmp-";
    private static final String TEMP_SUFFIX = ".part";

    private IgnoredFiles() {
    }

    static boolean file(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FILES.contains(lower)
                || name.startsWith("._")
                || lower.startsWith(".syncthing.")
                || lower.startsWith("~syncthing~")
                || name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    /** A folder whose whole content is ignored. */
    static boolean folder(String name) {
        return FOLDERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
