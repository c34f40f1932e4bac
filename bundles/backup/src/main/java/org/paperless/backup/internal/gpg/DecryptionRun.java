package org.paperless.backup.internal.gpg;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.storage.DocumentRepository;
import org.paperless.api.storage.DocumentRepository.FileChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of decrypt_documents. First every document is looked at once, to learn the names documents claim and
 * which documents have a {@code .gpg} original or thumbnail. Then each of those, one after the other: the original
 * decrypted beside itself ({@link InPlaceDecryption}), the database told its new name and the decrypted file's
 * SHA-256, the {@code .gpg} original deleted; the thumbnail likewise (it is found by the document's id, so it needs
 * no database change). Last, {@code .gpg} originals that no document claims any more are deleted when their
 * content is a document's original.
 * <p>
 * A kill -9 at any moment leaves every document pointing at a file that exists, and the next run finishes:
 * killed before the decrypted file has its name, there is only a temporary file (the media store removes it at
 * start) and the document still points at its {@code .gpg} file; killed after that but before the database
 * change, the next run decrypts again and takes the complete, unclaimed twin instead of making a copy; killed
 * after the database change, the {@code .gpg} file is claimed by nobody and the last step of the next run removes
 * it; a thumbnail's {@code .gpg} file left beside its decrypted twin is decrypted once more (which proves the
 * passphrase) and removed. A passphrase that opens none of the files stops the run before anything has changed.
 */
final class DecryptionRun {

    private static final Logger LOG = LoggerFactory.getLogger(DecryptionRun.class);
    private static final int BATCH = 200;
    /** A document whose original is itself an OpenPGP file, stored as such, is left alone. */
    private static final Set<String> OPENPGP_TYPES = Set.of("application/pgp-encrypted", "application/pgp",
            "application/pgp-keys", "application/pgp-signature");

    private final DocumentRepository documents;
    private final InPlaceDecryption originals;
    private final InPlaceDecryption thumbnails;
    private final BooleanSupplier stopping;
    private final Set<String> claimed = new HashSet<>();
    private final List<MaintenanceReport.Problem> problems = new ArrayList<>();
    private boolean decryptedAny;

    DecryptionRun(DocumentRepository documents, InPlaceDecryption originals, InPlaceDecryption thumbnails,
            BooleanSupplier stopping) {
        this.documents = documents;
        this.originals = originals;
        this.thumbnails = thumbnails;
        this.stopping = stopping;
    }

    /**
     * @throws IllegalArgumentException when the passphrase opens none of the files: nothing was changed then
     * @throws CancellationException when the bundle stops meanwhile; every document done so far is complete
     */
    MaintenanceReport run(Progress progress) {
        long total = 0;
        List<Long> work = new ArrayList<>();
        for (List<Document> batch = documents.listAfter(0, BATCH); !batch.isEmpty();
                batch = documents.listAfter(batch.get(batch.size() - 1).id(), BATCH)) {
            for (Document d : batch) {
                total++;
                if (d.filename() != null) {
                    claimed.add(d.filename());
                }
                if (encryptedOriginal(d)
                        || GpgNames.thumbnails(d.id()).stream().anyMatch(t -> thumbnails.exists(t.encrypted()))) {
                    work.add(d.id());
                }
            }
        }
        LOG.info("{} of {} documents have GPG-encrypted files", work.size(), total);
        long changed = 0;
        long done = 0;
        for (long id : work) {
            if (stopping.getAsBoolean()) {
                throw new CancellationException("stopped: the backup bundle is stopping; run paperless:decrypt again");
            }
            Optional<Document> document = documents.find(id);
            if (document.isPresent() && decrypt(document.get())) {
                changed++;
            }
            progress.update(++done, work.size());
        }
        removeLeftovers();
        return new MaintenanceReport(total, changed, total - work.size(), problems);
    }

    private static boolean encryptedOriginal(Document d) {
        return GpgNames.encrypted(d.filename())
                && (d.mimeType() == null || !OPENPGP_TYPES.contains(d.mimeType().toLowerCase(Locale.ROOT)));
    }

    /** The document's files; true when any of them was decrypted. */
    private boolean decrypt(Document d) {
        List<String> failures = new ArrayList<>();
        boolean changed = false;
        if (encryptedOriginal(d)) {
            changed |= step(failures, "original " + d.filename(), () -> decryptOriginal(d));
        }
        for (GpgNames.Rename thumbnail : GpgNames.thumbnails(d.id())) {
            if (thumbnails.exists(thumbnail.encrypted())) {
                changed |= step(failures, "thumbnail " + thumbnail.encrypted(), () -> decryptThumbnail(thumbnail));
            }
        }
        if (!failures.isEmpty()) {
            problems.add(new MaintenanceReport.Problem(d.id(), String.join("; ", failures)));
            LOG.warn("Document {} could not be decrypted: {}", d.id(), String.join("; ", failures));
        }
        return changed;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private boolean step(List<String> failures, String what, Step step) {
        try {
            step.run();
            decryptedAny = true;
            return true;
        } catch (GpgException e) {
            if (e.reason() == GpgException.Reason.WRONG_PASSPHRASE && !decryptedAny) {
                throw new IllegalArgumentException("Wrong passphrase: it does not open " + what + ". Nothing was "
                        + "changed; give the passphrase the files were encrypted with (PAPERLESS_PASSPHRASE of the "
                        + "instance that stored them)");
            }
            failures.add(what + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            failures.add(what + ": the file is missing");
        } catch (IOException | RuntimeException e) {
            failures.add(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return false;
    }

    /** Decrypted file first, then the database, then the .gpg file goes: the document always points at a file. */
    private void decryptOriginal(Document d) throws IOException {
        InPlaceDecryption.Placed placed = originals.toFreeName(d.filename(), claimed::contains, d.checksum());
        documents.updateFiles(new FileChange(d.id(), placed.name(), d.archiveFilename(), d.archiveChecksum(),
                placed.digests().plainSha256(), null));
        claimed.add(placed.name());
        claimed.remove(d.filename());
        LOG.info("Document {}: {} decrypted to {}{}", d.id(), d.filename(), placed.name(),
                placed.existing() ? " (already there from an earlier run)" : "");
        originals.deleteEncrypted(d.filename());
    }

    /** A plain thumbnail that is there already wins: the application shows it, and it can be made anew. */
    private void decryptThumbnail(GpgNames.Rename thumbnail) throws IOException {
        InPlaceDecryption.Placed placed = thumbnails.toName(thumbnail.encrypted(), thumbnail.plain());
        if (placed.existing()) {
            LOG.info("{} is there already; {} is removed", thumbnail.plain(), thumbnail.encrypted());
        }
        thumbnails.deleteEncrypted(thumbnail.encrypted());
    }

    /** .gpg originals nobody claims: removed only when their decrypted content is a document's original. */
    private void removeLeftovers() {
        List<String> unclaimed;
        try {
            unclaimed = originals.unclaimed(claimed);
        } catch (IOException e) {
            LOG.warn("Could not look for encrypted files left by an earlier run: {}", e.getMessage());
            return;
        }
        for (String name : unclaimed) {
            try {
                String sha256 = originals.digests(name).plainSha256();
                Optional<Document> owner = documents.findByChecksum(sha256);
                if (owner.isPresent() && sha256.equalsIgnoreCase(owner.get().checksum())
                        && !GpgNames.encrypted(owner.get().filename()) && originals.exists(owner.get().filename())) {
                    originals.deleteEncrypted(name);
                    LOG.info("Removed {}: left by an earlier run, its content is document {}'s original {}", name,
                            owner.get().id(), owner.get().filename());
                } else {
                    LOG.info("{} is claimed by no document and is no document's original once decrypted: left alone",
                            name);
                }
            } catch (IOException | RuntimeException e) {
                LOG.info("{} is claimed by no document and could not be decrypted ({}): left alone", name, e.getMessage());
            }
        }
    }
}
