/** The domain: documents and the objects that classify them. */
@Version("1.1.0")
package org.paperless.api;

import org.osgi.annotation.versioning.Version;
