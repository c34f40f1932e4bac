/** Consumption: turning a file into a stored document. */
@Version("1.2.0")
package org.paperless.api.consumer;

import org.osgi.annotation.versioning.Version;
