package org.paperless.maintenance.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.maintenance.SanityMessage;
import org.paperless.api.maintenance.SanityMessage.Level;
import org.paperless.api.maintenance.SanityReport;

class SanitySummaryTest {

    @Test
    void aCleanCollectionSaysSoInOneLine() {
        Outcome outcome = SanitySummary.of(new SanityReport(120, 360, List.of()));
        assertEquals(Outcome.done("120 documents checked, 360 files read: 0 errors, 0 warnings, 0 infos"), outcome);
    }

    @Test
    void warningsAreReportedButDoNotFailTheRun() {
        Outcome outcome = SanitySummary.of(new SanityReport(1, 2, List.of(
                new SanityMessage(1L, Level.INFO, "Document contains no OCR data"),
                new SanityMessage(null, Level.WARNING, "Orphaned file in media dir: /media/originals/x.pdf"))));
        assertTrue(outcome.ok());
        assertEquals("1 document checked, 2 files read: 0 errors, 1 warning, 1 info. "
                + "(global) WARNING: Orphaned file in media dir: /media/originals/x.pdf; #1 INFO: Document contains no OCR data",
                outcome.message(), "the worst first");
    }

    @Test
    void errorsFailTheRunAndOnlyTheFirstFindingsAreQuoted() {
        List<SanityMessage> messages = new ArrayList<>();
        for (long id = 1; id <= 8; id++) {
            messages.add(new SanityMessage(id, Level.WARNING, "Original missing? no: a warning"));
        }
        messages.add(new SanityMessage(9L, Level.ERROR, "Checksum mismatch. Stored: abc, actual: def"));
        Outcome outcome = SanitySummary.of(new SanityReport(9, 18, messages));

        assertFalse(outcome.ok());
        assertTrue(outcome.message().startsWith("9 documents checked, 18 files read: 1 error, 8 warnings, 0 infos. "
                + "#9 ERROR: Checksum mismatch. Stored: abc, actual: def; #1 WARNING"), outcome.message());
        assertTrue(outcome.message().endsWith("; and 4 more (paperless:sanity shows them)"), outcome.message());
        assertEquals(SanitySummary.IN_TASK_LIST, outcome.message().split("; #").length);
    }
}
