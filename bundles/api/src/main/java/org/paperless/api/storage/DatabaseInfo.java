package org.paperless.api.storage;

/** Which database the instance uses; {@code url} never carries a password. */
public record DatabaseInfo(String kind, String url, String user) {
}
