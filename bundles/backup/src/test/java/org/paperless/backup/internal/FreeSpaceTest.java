package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real file system the media folder is on: an export that cannot fit is refused up front. */
class FreeSpaceTest {

    @TempDir
    Path media;

    @Test
    void anExportLargerThanTheFreeSpaceIsRefusedWithWhatIsFreeAndNeeded() throws Exception {
        long free = Files.getFileStore(media).getUsableSpace();
        IOException e = assertThrows(IOException.class, () -> FreeSpace.check(free, media));
        assertTrue(e.getMessage().startsWith("Nothing was imported") && e.getMessage().contains("MiB free")
                && e.getMessage().contains("Free some space or move the media folder"), e.getMessage());
    }

    @Test
    void theMarginIsKeptFree() throws Exception {
        long free = Files.getFileStore(media).getUsableSpace();
        assertThrows(IOException.class, () -> FreeSpace.check(Math.max(0, free - FreeSpace.MARGIN / 2), media));
        assertDoesNotThrow(() -> FreeSpace.check(1024 * 1024, media));
    }
}
