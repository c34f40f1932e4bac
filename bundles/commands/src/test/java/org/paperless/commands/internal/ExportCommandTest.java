package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.backup.ExportReport;

class ExportCommandTest {

    @Test
    void eachWarningIsALineAfterTheSummary() {
        ExportReport report = new ExportReport(Path.of("/backups/paperless"), 12, 3, 30, 0, 4096, 0,
                List.of("Mail account passwords were left out: export with --passphrase to keep them (accounts Work)"));
        assertEquals(List.of("Exported 12 documents to /backups/paperless: 3 files written (4096 bytes), 30 unchanged, 0 deleted",
                "Warning: Mail account passwords were left out: export with --passphrase to keep them (accounts Work)"),
                ExportCommand.lines(report));
    }

    @Test
    void aReportWithoutWarningsIsTheSummaryAlone() {
        assertEquals(1, ExportCommand.lines(new ExportReport(Path.of("/e"), 0, 0, 0, 0, 0)).size());
    }
}
