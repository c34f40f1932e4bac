package org.paperless.backup.internal;

/** The names paperless-ngx gives an export's own files and a document record's extra keys. */
final class ManifestFiles {

    static final String MANIFEST = "manifest.json";
    static final String METADATA = "metadata.json";
    static final String SPLIT_SUFFIX = "-manifest.json";

    static final String FILE_NAME = "__exported_file_name__";
    static final String ARCHIVE_NAME = "__exported_archive_name__";
    static final String THUMBNAIL_NAME = "__exported_thumbnail_name__";
    /** Ours: paperless-ngx keeps no checksum of a thumbnail. */
    static final String THUMBNAIL_CHECKSUM = "__exported_thumbnail_checksum__";
    /** Ours: a note's author by name (paperless-ngx refers to a user record). */
    static final String NOTE_USER = "__note_user_name__";
    /** Ours: a mail account whose password was left out (exported without --passphrase). */
    static final String PASSWORD_LEFT_OUT = "__password_left_out__";

    static final String CORRESPONDENT = "documents.correspondent";
    static final String TAG = "documents.tag";
    static final String DOCUMENT_TYPE = "documents.documenttype";
    static final String STORAGE_PATH = "documents.storagepath";
    static final String CUSTOM_FIELD = "documents.customfield";
    static final String CUSTOM_FIELD_INSTANCE = "documents.customfieldinstance";
    static final String NOTE = "documents.note";
    static final String DOCUMENT = "documents.document";
    static final String MAIL_ACCOUNT = "paperless_mail.mailaccount";
    static final String MAIL_RULE = "paperless_mail.mailrule";

    /** What metadata.json says about an export of ours. */
    static final String APPLICATION = "paperless-on-karaf";

    private ManifestFiles() {
    }
}
