package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void theRightPassphraseOpensAnExportAndAWrongOneIsToldBeforeAnything() {
        Secrets secrets = Secrets.create("correct horse");
        ObjectNode described = secrets.describe(Json.mapper());
        String sealed = secrets.encrypt("imap password");
        assertNotEquals("imap password", sealed);
        assertEquals("imap password", Secrets.open(described, "correct horse").decrypt(sealed));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> Secrets.open(described, "battery"));
        assertEquals("The passphrase does not open this export", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Secrets.open(described, null));
    }

    @Test
    void anIterationCountOutsideItsBoundsIsRefusedBeforeAnyKeyIsDerived() {
        ObjectNode described = Secrets.create("correct horse").describe(Json.mapper());
        described.put("iterations", 2_000_000_000);
        long started = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Secrets.open(described, "correct horse"));
        assertTrue(System.nanoTime() - started < 1_000_000_000L);
        assertTrue(e.getMessage().contains("2000000000") && e.getMessage().contains(String.valueOf(Secrets.MAX_ITERATIONS)),
                e.getMessage());
        described.put("iterations", 1);
        assertThrows(IllegalArgumentException.class, () -> Secrets.open(described, "correct horse"));
    }
}
