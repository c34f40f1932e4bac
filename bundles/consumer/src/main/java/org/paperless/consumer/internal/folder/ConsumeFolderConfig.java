package org.paperless.consumer.internal.folder;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The consume folder watcher (PID org.paperless.consumer). Keys left empty fall back to the paperless-ngx
 * environment variable named in the description, then to the default.
 */
@ObjectClassDefinition(id = "org.paperless.consumer", name = "Paperless consume folder",
        description = "Watching the consume folder. Empty keys fall back to the PAPERLESS_CONSUMER_* variables.")
public @interface ConsumeFolderConfig {

    @AttributeDefinition(required = false, description = "Watch the folder at all (true/false); default true")
    String enabled() default "";

    @AttributeDefinition(required = false,
            description = "Seconds a file's size and modification time must stay unchanged before it is taken; default 5")
    String stableSeconds() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_POLLING: seconds between full rescans, on top of file events (lost on network shares); default 30")
    String rescanSeconds() default "";

    @AttributeDefinition(required = false, description = "PAPERLESS_CONSUMER_RECURSIVE: also take files in subfolders; default false")
    String recursive() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_SUBDIRS_AS_TAGS: subfolder names become tags (created when missing); default false")
    String subdirsAsTags() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_IGNORE_PATTERNS: regular expressions, comma-separated, matched against the path relative to the folder")
    String ignorePatterns() default "";
}
