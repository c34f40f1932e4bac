/** Services of the storage capability: repositories, schema migrations, the media folder. */
@Version("1.13.0")
package org.paperless.api.storage;

import org.osgi.annotation.versioning.Version;
