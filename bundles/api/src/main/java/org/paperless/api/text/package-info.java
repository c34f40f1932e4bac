/** Working on document text within bounds: a CPU-time budget for searches that cannot be interrupted. */
@Version("1.0.0")
package org.paperless.api.text;

import org.osgi.annotation.versioning.Version;
