package org.paperless.storage.internal.config;

/** Everything the storage bundle takes from its configuration. */
public record StorageSettings(Folders folders, DatabaseSettings database) {
}
