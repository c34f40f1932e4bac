package org.paperless.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
