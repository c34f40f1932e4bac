package org.paperless.consumer.internal;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which file a scan saw under a name: its file key (device and inode on Unix) and size. A different
 * key under the same name means the file was replaced, e.g. by a link or another file.
 */
public record FileIdentity(Object fileKey, long size) {

    public static FileIdentity of(BasicFileAttributes attributes) {
        return new FileIdentity(attributes.fileKey(), attributes.size());
    }

    boolean sameFileAs(BasicFileAttributes attributes) {
        return Objects.equals(fileKey, attributes.fileKey()) && size == attributes.size();
    }
}
