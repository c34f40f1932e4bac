/** Consumption: turning a file into a stored document. */
@Version("1.4.0")
package org.paperless.api.consumer;

import org.osgi.annotation.versioning.Version;
