package org.paperless.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The security settings (PID {@value #PID}; no file is shipped: create etc/org.paperless.security.cfg or use
 * config:edit). Empty keys fall back to the paperless-ngx environment variable named in the description.
 */
@ObjectClassDefinition(id = SecurityConfig.PID, name = "Paperless security",
        description = "How passwords are stored and which admin account is created at first start")
@interface SecurityConfig {

    String PID = "org.paperless.security";

    @AttributeDefinition(description = "Digest for stored passwords (MD5, SHA-1, SHA-256, SHA-512)")
    String encryptionAlgorithm() default "SHA-512";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_ADMIN_USER: admin user created at first start (when there is no user yet); default admin")
    String adminUser() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false,
            description = "PAPERLESS_ADMIN_PASSWORD: its password; default a random one, written to data/security/admin.credentials")
    String adminPassword() default "";
}
