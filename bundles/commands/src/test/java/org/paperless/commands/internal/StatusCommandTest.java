package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.paperless.api.consumer.ConsumeFolderState;

class StatusCommandTest {

    @Test
    void theConsumeFolderRowSaysWhetherFilesAreTakenAndWhyNot() {
        assertEquals("not running (the consumer or the storage it needs is not active)",
                StatusCommand.consumeFolderRows(null).get(0)[1]);
        Instant at = Instant.parse("2024-05-01T10:00:00Z");
        List<String[]> running = StatusCommand.consumeFolderRows(() -> new ConsumeFolderState(true, Path.of("/c"), null,
                3, 1, "scan.pdf", at, "bomb.pdf: The service ran out of memory while reading it", at));
        assertEquals("running", running.get(0)[1]);
        assertEquals("3 (last scan.pdf at 2024-05-01T10:00:00Z)", running.get(1)[1]);
        assertEquals("1", running.get(2)[1]);
        assertEquals("2024-05-01T10:00:00Z bomb.pdf: The service ran out of memory while reading it", running.get(3)[1]);
        List<String[]> disabled = StatusCommand.consumeFolderRows(() -> new ConsumeFolderState(false, Path.of("/c"),
                "disabled by configuration", 0, 0, null, null, null, null));
        assertEquals("not running (disabled by configuration)", disabled.get(0)[1]);
        assertEquals(3, disabled.size());
    }
}
