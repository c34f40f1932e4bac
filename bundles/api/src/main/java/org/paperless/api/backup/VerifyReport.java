package org.paperless.api.backup;

import java.util.List;

/**
 * What a check of an export found.
 *
 * @param checked files read and compared with their checksum
 * @param missing files the manifest names that are not there
 * @param changed files whose checksum differs from the manifest's
 * @param extra files that belong to no document of the manifest
 */
public record VerifyReport(long documents, long checked, List<String> missing, List<String> changed, List<String> extra) {

    public VerifyReport {
        missing = List.copyOf(missing);
        changed = List.copyOf(changed);
        extra = List.copyOf(extra);
    }

    public boolean ok() {
        return missing.isEmpty() && changed.isEmpty() && extra.isEmpty();
    }
}
