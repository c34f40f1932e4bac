package org.paperless.consumer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Consumption and the consume folder watcher (PID {@value #PID}). Every key is text, empty by default: an
 * empty key falls back to the paperless-ngx environment variable named in the description, then to the
 * default, read with {@link org.paperless.api.config.Settings} (booleans: true/false, yes/no, 1/0).
 */
@ObjectClassDefinition(id = ConsumerConfig.PID, name = "Paperless consumption",
        description = "Consumption and the consume folder. Empty keys fall back to the PAPERLESS_* variables.")
public @interface ConsumerConfig {

    String PID = "org.paperless.consumer";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_DATE_ORDER: how to read a numeric date like 03/04/2024 in the content: DMY, MDY or YMD; default DMY")
    String dateOrder() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_PRE_CONSUME_SCRIPT: runs on the working copy first; a non-zero exit refuses the file")
    String preConsumeScript() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_POST_CONSUME_SCRIPT: runs after a document was stored, with DOCUMENT_* variables")
    String postConsumeScript() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_FILENAME_FORMAT: where originals are filed, e.g. {correspondent}/{created_year}/{title}; empty = the zero-padded id")
    String filenameFormat() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_FILENAME_FORMAT_REMOVE_NONE: leave out empty placeholders instead of writing 'none' (true/false); default false")
    String filenameFormatRemoveNone() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_TASK_WORKERS: documents read (parsed, OCR) at the same time; they are still stored in the order they arrived; default the number of cores")
    String parallelism() default "";

    @AttributeDefinition(required = false, description = "Watch the folder at all (true/false; no variable); default true")
    String enabled() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_INOTIFY_DELAY: seconds a file's size and modification time must stay unchanged before it is taken (fractions allowed); default 5")
    String stableSeconds() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_POLLING: seconds between full rescans, on top of file events (lost on network shares); 0 = every 300; default 30")
    String rescanSeconds() default "";

    @AttributeDefinition(required = false, description = "PAPERLESS_CONSUMER_RECURSIVE: also take files in subfolders (true/false); default false")
    String recursive() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_SUBDIRS_AS_TAGS: subfolder names become tags, created when missing (true/false); default false")
    String subdirsAsTags() default "";

    @AttributeDefinition(required = false,
            description = "PAPERLESS_CONSUMER_IGNORE_PATTERNS: regular expressions, comma-separated or a JSON list, matched against the path relative to the folder; default: system files of macOS, Windows, Synology and Syncthing")
    String ignorePatterns() default "";
}
