package org.paperless.api.consumer;

import java.util.List;

/** What the caller sets instead of what consumption would find: ids or names, all optional. */
public record ConsumeOverrides(String title, String correspondent, String documentType, List<String> tags) {

    public static final ConsumeOverrides NONE = new ConsumeOverrides(null, null, null, List.of());

    public ConsumeOverrides {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
