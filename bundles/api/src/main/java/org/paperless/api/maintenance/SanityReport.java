package org.paperless.api.maintenance;

import java.util.List;

/**
 * What the sanity check found.
 *
 * @param documents how many documents were checked
 * @param files how many files were read
 * @param messages the findings, those about documents first (by id), then those about the media folder
 */
public record SanityReport(long documents, long files, List<SanityMessage> messages) {

    public SanityReport {
        messages = List.copyOf(messages);
    }

    public long count(SanityMessage.Level level) {
        return messages.stream().filter(m -> m.level() == level).count();
    }

    /** No error and no warning: nothing for cron to mail. */
    public boolean ok() {
        return count(SanityMessage.Level.ERROR) == 0 && count(SanityMessage.Level.WARNING) == 0;
    }
}
