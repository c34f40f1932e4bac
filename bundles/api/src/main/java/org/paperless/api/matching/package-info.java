/** Matching rules: which correspondents, types, tags and storage paths a document's text calls for. */
@Version("1.0.0")
package org.paperless.api.matching;

import org.osgi.annotation.versioning.Version;
