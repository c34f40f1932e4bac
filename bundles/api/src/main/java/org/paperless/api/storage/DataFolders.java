package org.paperless.api.storage;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the instance keeps what it writes: everything under one data folder by default
 * ({@code PAPERLESS_DATA_DIR}); the media root and the consume folder can be moved on their own
 * ({@code PAPERLESS_MEDIA_ROOT}, {@code PAPERLESS_CONSUMPTION_DIR}).
 */
@ProviderType
public interface DataFolders {

    Path data();

    Path media();

    Path consumption();

    Path index();

    Path log();

    default Path originals() {
        return media().resolve(MediaArea.ORIGINALS.folder());
    }

    default Path archive() {
        return media().resolve(MediaArea.ARCHIVE.folder());
    }

    default Path thumbnails() {
        return media().resolve(MediaArea.THUMBNAILS.folder());
    }
}
