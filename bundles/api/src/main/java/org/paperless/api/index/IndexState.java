package org.paperless.api.index;

import java.time.Instant;

/**
 * @param schemaVersion the version of the index layout
 * @param documents documents in the index
 * @param lastModified the latest modification time of an indexed document (the watermark), or null
 * @param sizeBytes the size of the index folder
 * @param segments the number of index segments (optimize makes it 1)
 */
public record IndexState(int schemaVersion, long documents, Instant lastModified, long sizeBytes, int segments) {
}
