package org.paperless.api.backup;

import java.nio.file.Path;

/**
 * What document_exporter's options ask for.
 *
 * @param target the export folder (created when missing); with {@code zip}, where the zip file goes
 * @param compareChecksums -c: copy a file again when its checksum differs, not only its size or time
 * @param compareJson -cj: leave a manifest file alone when its content did not change
 * @param delete -d: remove files in the target that do not belong to this export, after a clean run
 * @param useFilenameFormat -f: name the files as they are named in the media folder
 * @param noArchive -na: without archive copies
 * @param noThumbnail -nt: without thumbnails
 * @param useFolderPrefix -p: originals/, archive/, thumbnails/ and json/ folders
 * @param splitManifest -sm: one manifest file per document beside the main one
 * @param zip -z: one zip file instead of a folder
 * @param zipName -zn: the zip's name without .zip; null = export-YYYY-MM-DD
 * @param dataOnly --data-only: the manifest alone, no files
 * @param passphrase --passphrase: encrypts secrets in the manifest; null = none
 * @param format --target: our own export, or what a version of paperless-ngx imports; null = our own
 */
public record ExportOptions(Path target, boolean compareChecksums, boolean compareJson, boolean delete,
        boolean useFilenameFormat, boolean noArchive, boolean noThumbnail, boolean useFolderPrefix,
        boolean splitManifest, boolean zip, String zipName, boolean dataOnly, String passphrase, ExportFormat format) {

    public ExportOptions {
        format = format == null ? ExportFormat.OWN : format;
    }

    /** Our own export, with the options of paperless-ngx's exporter. */
    public ExportOptions(Path target, boolean compareChecksums, boolean compareJson, boolean delete,
            boolean useFilenameFormat, boolean noArchive, boolean noThumbnail, boolean useFolderPrefix,
            boolean splitManifest, boolean zip, String zipName, boolean dataOnly, String passphrase) {
        this(target, compareChecksums, compareJson, delete, useFilenameFormat, noArchive, noThumbnail, useFolderPrefix,
                splitManifest, zip, zipName, dataOnly, passphrase, ExportFormat.OWN);
    }

    /** The same export written for another format. */
    public ExportOptions withFormat(ExportFormat other) {
        return new ExportOptions(target, compareChecksums, compareJson, delete, useFilenameFormat, noArchive,
                noThumbnail, useFolderPrefix, splitManifest, zip, zipName, dataOnly, passphrase, other);
    }

    /** A plain export into a folder. */
    public static ExportOptions into(Path target) {
        return new ExportOptions(target, false, false, false, false, false, false, false, false, false, null, false, null);
    }
}
