package org.paperless.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Paperless security",
        description = "How passwords are stored and which admin account is created at first start")
@interface SecurityConfig {

    @AttributeDefinition(description = "Digest for stored passwords (MD5, SHA-1, SHA-256, SHA-512)")
    String encryptionAlgorithm() default "SHA-512";

    @AttributeDefinition(description = "Admin user created at first start; empty = PAPERLESS_ADMIN_USER or 'admin'")
    String adminUser() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Its password; empty = PAPERLESS_ADMIN_PASSWORD or a random one")
    String adminPassword() default "";
}
