package org.paperless.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UploadFileNameTest {

    @Test
    void onlyTheLastPartOfTheNameIsKept() {
        assertEquals("passwd.pdf", UploadResource.fileName("../../etc/passwd.pdf"));
        assertEquals("scan.pdf", UploadResource.fileName("C:\\Users\\me\\scan.pdf"));
        assertEquals("upload", UploadResource.fileName(".."));
        assertEquals("upload", UploadResource.fileName(null));
        assertEquals("ab.pdf", UploadResource.fileName("a\u0000b\n.pdf"));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = UploadResource.fileName("x".repeat(500) + ".pdf");
        assertEquals(UploadResource.MAX_NAME, name.length());
        assertTrue(name.endsWith(".pdf"));
    }
}
