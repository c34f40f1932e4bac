package org.paperless.api.consumer;

import java.util.List;

/**
 * What the caller sets instead of what consumption would find: ids or names, all optional. A storage
 * path files the document under its own filename format instead of the global one.
 */
public record ConsumeOverrides(String title, String correspondent, String documentType, List<String> tags,
        String storagePath) {

    public static final ConsumeOverrides NONE = new ConsumeOverrides(null, null, null, List.of(), null);

    public ConsumeOverrides {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ConsumeOverrides(String title, String correspondent, String documentType, List<String> tags) {
        this(title, correspondent, documentType, tags, null);
    }
}
