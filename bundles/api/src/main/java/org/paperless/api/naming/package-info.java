/** Where a document's files are filed in the media folder. */
@Version("1.0.0")
package org.paperless.api.naming;

import org.osgi.annotation.versioning.Version;
