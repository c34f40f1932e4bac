package org.paperless.api.maintenance;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.paperless.api.backup.Progress;

/** paperless-ngx's document_fuzzy_match: pairs of documents whose content is nearly the same. */
@ProviderType
public interface NearDuplicates {

    /**
     * @param minRatio the lowest similarity ratio (0-100, paperless-ngx's fuzz.ratio on the content) a pair needs
     * @return the pairs, the lower id first in each, ordered by the first id then the second
     */
    List<DuplicatePair> find(int minRatio, Progress progress);
}
