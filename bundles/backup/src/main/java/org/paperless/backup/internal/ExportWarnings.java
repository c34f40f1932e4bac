package org.paperless.backup.internal;

import java.util.ArrayList;
import java.util.List;

import org.paperless.api.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an export holds less of than the collection, logged as it happens and kept for the report: the
 * console or cron user who runs the export sees the log of the instance only by asking for it.
 */
final class ExportWarnings {

    /** Ids named in the warning on documents left out; more are counted, not listed. */
    static final int IDS_NAMED = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ExporterComponent.class);

    private final List<String> warnings = new ArrayList<>();
    private final List<Long> unmatched = new ArrayList<>();
    private long deleted;

    /** An account whose stored password cannot be decrypted: the export holds it without one. */
    void passwordUnreadable(String problem) {
        warn(problem + " (the export holds the account without its password)");
    }

    /** Accounts whose passwords stay out of an export without --passphrase. */
    void passwordsLeftOut(List<String> accounts) {
        if (!accounts.isEmpty()) {
            warn("Mail account passwords were left out: export with --passphrase to keep them (accounts "
                    + String.join(", ", accounts) + ")");
        }
    }

    /** Something of the collection the export does not carry. */
    void add(String warning) {
        warn(warning);
    }

    void deleted(Document d) {
        LOG.warn("Document {} '{}' was deleted during the export: it is not in it", d.id(), d.title());
        deleted++;
    }

    /** A document whose files did not match its row on any read: changing during the export, or damaged. */
    void unmatched(Document d) {
        LOG.warn("The files of document {} '{}' did not match the database on any of {} reads (changing during the"
                + " export, or damaged): it is not in the export", d.id(), d.title(), ExporterComponent.ATTEMPTS);
        unmatched.add(d.id());
    }

    /** Documents of the collection the export does not hold. */
    long leftOut() {
        return unmatched.size();
    }

    /** Every warning, those on documents at the end. */
    List<String> list() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(onDocuments());
        return all;
    }

    /** Logs the warnings on documents, once the export is done. */
    void logDocuments() {
        onDocuments().forEach(LOG::warn);
    }

    private List<String> onDocuments() {
        List<String> lines = new ArrayList<>();
        if (deleted > 0) {
            lines.add(deleted == 1 ? "1 document was deleted during the export and is not in it"
                    : deleted + " documents were deleted during the export and are not in it");
        }
        int count = unmatched.size();
        if (count > 0) {
            List<String> ids = unmatched.stream().limit(IDS_NAMED).map(String::valueOf).toList();
            String more = count > IDS_NAMED ? " and " + (count - IDS_NAMED) + " more" : "";
            lines.add((count == 1 ? "1 document is" : count + " documents are") + " not in the export ("
                    + (count == 1 ? "id " : "ids ") + String.join(", ", ids) + more + "): the files did not match the"
                    + " database on any of " + ExporterComponent.ATTEMPTS + " reads (changing during the export, or"
                    + " damaged). Export again; if they stay out, run paperless:sanity");
        }
        return lines;
    }

    private void warn(String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
