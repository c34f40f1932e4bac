package org.paperless.storage.internal.config;

import java.nio.file.Path;

import org.paperless.api.storage.DataFolders;

/** The resolved folders; all absolute. */
public record Folders(Path data, Path media, Path consumption, Path index, Path log) implements DataFolders {
}
