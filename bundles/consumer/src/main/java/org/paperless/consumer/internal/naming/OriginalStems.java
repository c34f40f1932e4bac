package org.paperless.consumer.internal.naming;

import java.util.List;
import java.util.Map;

import org.paperless.api.Document;
import org.paperless.api.StoragePath;

/**
 * Where an original is filed: its storage path's own format wins over the global one, as in paperless-ngx;
 * without either, the zero-padded id. Consumption and the renamer both ask here, so they agree.
 */
public final class OriginalStems {

    private final FilenameFormat global;

    /** @param global the filename format; null = the zero-padded id */
    public OriginalStems(FilenameFormat global) {
        this.global = global;
    }

    /** The path under originals/ without extension. */
    public String stem(Document withId, StoragePath path, String correspondent, String documentType, List<String> tagNames) {
        FilenameFormat format = path != null
                ? new FilenameFormat(path.path(), global != null && global.removeNone())
                : global;
        if (format == null) {
            return String.format("%07d", withId.id());
        }
        return format.render(new NamingContext(withId, correspondent, documentType, tagNames, withId.owner(), Map.of()));
    }
}
