package org.paperless.security.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.paperless.api.config.Settings;

/**
 * The folder {@code <data>/security} that holds users, public keys and the generated admin
 * credentials. It lives in the data folder, not in Karaf's etc/, so each data folder is an instance
 * with accounts of its own.
 */
final class SecurityFolder {

    /** Set by the launcher from PAPERLESS_DATA_DIR; what the instance was started with wins. */
    static final String DATA_DIR_PROPERTY = "paperless.data.dir";
    static final String USERS_FILE = "users.properties";
    static final String KEYS_FILE = "keys.properties";
    static final String CREDENTIALS_FILE = "admin.credentials";

    private final Path folder;

    SecurityFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The data folder as the launcher sets it, else PAPERLESS_DATA_DIR, else ./data. */
    static SecurityFolder fromEnvironment(Map<String, String> env) {
        String dataDir = Settings.of(env::get).string(DATA_DIR_PROPERTY, System.getProperty(DATA_DIR_PROPERTY),
                "PAPERLESS_DATA_DIR", "data");
        return new SecurityFolder(Paths.get(dataDir).resolve("security"));
    }

    Path path() {
        return folder;
    }

    Path users() {
        return folder.resolve(USERS_FILE);
    }

    Path keys() {
        return folder.resolve(KEYS_FILE);
    }

    Path credentials() {
        return folder.resolve(CREDENTIALS_FILE);
    }

    /** Creates the folder readable by its owner only. */
    SecurityFolder create() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        return this;
    }
}
