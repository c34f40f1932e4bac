package org.paperless.backup.internal.gpg;

import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.Decrypter;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.storage.DataFolders;
import org.paperless.api.storage.DocumentRepository;

/** paperless-ngx's decrypt_documents: the GPG-encrypted originals and thumbnails of older versions, decrypted in place. */
@Component(service = Decrypter.class)
public class DecrypterComponent implements Decrypter {

    /** As large as an export may hold one file. */
    static final long MAX_ORIGINAL_BYTES = 16L * 1024 * 1024 * 1024;
    /** Thumbnails are a few dozen KiB. */
    static final long MAX_THUMBNAIL_BYTES = 16L * 1024 * 1024;

    private final ReentrantLock running = new ReentrantLock();
    private final DocumentRepository documents;
    private final DataFolders folders;
    private volatile boolean stopping;

    @Activate
    public DecrypterComponent(@Reference DocumentRepository documents, @Reference DataFolders folders) {
        this.documents = documents;
        this.folders = folders;
    }

    @Deactivate
    void deactivate() {
        stopping = true;
    }

    @Override
    public MaintenanceReport decrypt(char[] passphrase, Progress progress) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("Give the passphrase the files were encrypted with (PAPERLESS_PASSPHRASE "
                    + "of the instance that stored them)");
        }
        if (!running.tryLock()) {
            throw new IllegalStateException("A decryption is running already: wait for it to finish");
        }
        try {
            DecryptionRun run = new DecryptionRun(documents,
                    new InPlaceDecryption(folders.originals(), passphrase, MAX_ORIGINAL_BYTES),
                    new InPlaceDecryption(folders.thumbnails(), passphrase, MAX_THUMBNAIL_BYTES), () -> stopping);
            return run.run(progress == null ? Progress.NONE : progress);
        } finally {
            running.unlock();
        }
    }
}
