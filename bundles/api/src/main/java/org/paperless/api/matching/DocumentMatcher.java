package org.paperless.api.matching;

import org.osgi.annotation.versioning.ProviderType;

/** Applies the matching rules of every correspondent, document type, tag and storage path to a text. */
@ProviderType
public interface DocumentMatcher {

    /** The objects whose rules match the text, each list in the order the objects are listed (by name). */
    Matches match(String content);
}
