package org.paperless.api.backup;

/**
 * What document_importer's options ask for.
 *
 * @param dataOnly --data-only: the database records alone, no files
 * @param passphrase --passphrase: decrypts the secrets of an export made with one; null = none
 */
public record ImportOptions(boolean dataOnly, String passphrase) {

    public static final ImportOptions DEFAULT = new ImportOptions(false, null);
}
