/** Who is asking: the users of the console (the JAAS realm) checked for other front doors, such as the REST API. */
@Version("1.1.0")
package org.paperless.api.security;

import org.osgi.annotation.versioning.Version;
