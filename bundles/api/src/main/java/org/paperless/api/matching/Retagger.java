package org.paperless.api.matching;

import org.osgi.annotation.versioning.ProviderType;

/** paperless-ngx's document_retagger: applies the matching rules to stored documents again. */
@ProviderType
public interface Retagger {

    /** @param progress told after each batch of documents (done, total), or null */
    RetagReport retag(RetagRequest request, Progress progress);

    @FunctionalInterface
    interface Progress {
        void update(long done, long total);
    }
}
