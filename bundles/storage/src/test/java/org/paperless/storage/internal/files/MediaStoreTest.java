package org.paperless.storage.internal.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.storage.MediaArea;
import org.paperless.storage.internal.config.Folders;

class MediaStoreTest {

    @TempDir
    Path dir;

    private DataFoldersComponent folders;
    private MediaStoreComponent store;

    @BeforeEach
    void setUp() throws IOException {
        folders = new DataFoldersComponent(new Folders(dir, dir.resolve("media"), dir.resolve("consume"),
                dir.resolve("index"), dir.resolve("log")));
        store = new MediaStoreComponent(folders);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteAKilledInstanceLeftUnfinishedIsRemovedAtTheNextStart() throws IOException {
        Path sub = Files.createDirectories(folders.originals().resolve("acme"));
        Path left = Files.writeString(sub.resolve(".tmp-123456.part"), "half a file");
        Path kept = Files.writeString(sub.resolve("tmp-notes.part"), "a user's file");
        new MediaStoreComponent(folders);
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(kept));
    }

    @Test
    void activationCreatesEveryFolder() {
        for (Path p : new Path[] {folders.data(), folders.originals(), folders.archive(), folders.thumbnails(),
                folders.consumption(), folders.index(), folders.log()}) {
            assertTrue(Files.isDirectory(p), p::toString);
        }
    }

    @Test
    void writesIntoSubfoldersAndLeavesNoTemporaryFile() throws IOException {
        Path written = store.write(MediaArea.ORIGINALS, "2024/letters/a.pdf", bytes("%PDF"));
        assertEquals(folders.originals().resolve("2024/letters/a.pdf"), written);
        assertArrayEquals("%PDF".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(written));
        try (Stream<Path> files = Files.list(written.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void neverOverwrites() throws IOException {
        store.write(MediaArea.ARCHIVE, "a.pdf", bytes("first"));
        assertThrows(FileAlreadyExistsException.class, () -> store.write(MediaArea.ARCHIVE, "a.pdf", bytes("second")));
        assertEquals("first", Files.readString(folders.archive().resolve("a.pdf")));
        try (Stream<Path> files = Files.list(folders.archive())) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
    }

    @Test
    void refusesNamesThatLeaveTheArea() {
        for (String name : new String[] {"/etc/passwd", "../x.pdf", "a/../../x.pdf", "a\\..\\x", "", "  ", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.write(MediaArea.ORIGINALS, name, bytes("x")), () -> "accepted " + name);
            assertTrue(e.getMessage().contains("originals"), e.getMessage());
        }
    }

    @Test
    void deleteRemovesEmptyFoldersUpToTheArea() throws IOException {
        store.write(MediaArea.THUMBNAILS, "a/b/one.webp", bytes("1"));
        store.write(MediaArea.THUMBNAILS, "a/two.webp", bytes("2"));
        assertTrue(store.delete(MediaArea.THUMBNAILS, "a/b/one.webp"));
        assertFalse(Files.exists(folders.thumbnails().resolve("a/b")));
        assertTrue(Files.exists(folders.thumbnails().resolve("a/two.webp")));
        assertTrue(store.delete(MediaArea.THUMBNAILS, "a/two.webp"));
        assertFalse(Files.exists(folders.thumbnails().resolve("a")));
        assertTrue(Files.isDirectory(folders.thumbnails()));
        assertFalse(store.delete(MediaArea.THUMBNAILS, "a/two.webp"));
    }
}
