package org.paperless.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.paperless.rest.cfg; the address and port are Pax Web's (etc/org.ops4j.pax.web.cfg). */
@ObjectClassDefinition(name = "Paperless REST API")
@interface RestConfig {

    String PID = "org.paperless.rest";

    @AttributeDefinition(description = "The largest upload in MB; larger ones are refused (413) before they are read "
            + "(PAPERLESS_MAX_UPLOAD_MB)")
    String maxUploadMb() default "";

    @AttributeDefinition(description = "The address clients use, for links (PAPERLESS_URL), e.g. https://paperless.example.com")
    String url() default "";

    @AttributeDefinition(description = "Failed logins from one address before it must wait a minute")
    int maxFailedLogins() default 10;

    @AttributeDefinition(description = "How long a browser's login lasts, in seconds (PAPERLESS_SESSION_COOKIE_AGE; "
            + "three weeks by default)")
    String sessionCookieAge() default "";
}
