/**
 * What ran in the background and how it ended: each consumed file and each scheduled run, kept in the
 * database for a while (paperless-ngx's task list).
 */
@Version("1.0.0")
package org.paperless.api.tasks;

import org.osgi.annotation.versioning.Version;
