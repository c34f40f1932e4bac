/** Full-text search over the documents: queries, autocomplete, more-like-this, index maintenance. */
@Version("1.1.0")
package org.paperless.api.index;

import org.osgi.annotation.versioning.Version;
