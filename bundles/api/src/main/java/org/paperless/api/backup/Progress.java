package org.paperless.api.backup;

/** Progress of an export, an import or a check, told after each document. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> {
    };

    void update(long done, long total);
}
