/**
 * Reading settings the way every paperless bundle does: a key of the bundle's configuration (etc/*.cfg)
 * when it is set, else the paperless-ngx environment variable, else the default.
 */
@Version("1.0.0")
package org.paperless.api.config;

import org.osgi.annotation.versioning.Version;
