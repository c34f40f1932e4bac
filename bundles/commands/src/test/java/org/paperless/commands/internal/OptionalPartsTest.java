package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionalPartsTest {

    @TempDir
    Path dir;

    @Test
    void programsFoundOnThePathAreNotListedAndTheOthersSayWhichPackageHasThem() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path gs = Files.writeString(bin.resolve("gs"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(gs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("tesseract"), "not executable");

        String missing = OptionalParts.missingTools(dir.resolve("empty") + ":" + bin);

        assertFalse(missing.contains("gs,"), missing);
        assertTrue(missing.contains("tesseract, for OCR (apt-get install tesseract-ocr)"), missing);
        assertTrue(missing.contains("heif-convert, for HEIC scans (apt-get install libheif-examples)"), missing);
        assertTrue(missing.contains("cwebp, for WebP thumbnails (apt-get install webp)"), missing);
    }

    @Test
    void nothingMissingWhenEveryProgramIsThere() throws Exception {
        for (String name : new String[] {"gs", "tesseract", "heif-convert", "cwebp"}) {
            Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals("none", OptionalParts.missingTools(dir.toString()));
    }
}
