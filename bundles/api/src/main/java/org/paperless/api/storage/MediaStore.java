package org.paperless.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes and finds files in the media folder. A write goes to a temporary file in the target folder,
 * is flushed to disk and then renamed, so a crash never leaves half a file under a real name; an
 * existing file is never overwritten.
 */
@ProviderType
public interface MediaStore {

    /**
     * Writes {@code data} to {@code relativeName} in {@code area}. Absolute names and names containing
     * {@code ..} are refused.
     *
     * @return the path of the new file
     * @throws java.nio.file.FileAlreadyExistsException when the name is taken
     */
    Path write(MediaArea area, String relativeName, InputStream data) throws IOException;

    /** The path of a stored file (which may not exist); refuses names that leave the area. */
    Path resolve(MediaArea area, String relativeName);

    /** Deletes a stored file and the folders it leaves empty; false when there was none. */
    boolean delete(MediaArea area, String relativeName) throws IOException;
}
