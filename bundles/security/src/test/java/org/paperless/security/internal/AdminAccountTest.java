package org.paperless.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminAccountTest {

    @Test
    void randomPasswordWhenNoneIsGiven() {
        AdminAccount a = AdminAccount.choose("", "", Map.of());
        AdminAccount b = AdminAccount.choose("", "", Map.of());
        assertEquals("admin", a.user());
        assertTrue(a.generated());
        assertTrue(a.password().length() >= 20, a.password());
        assertNotEquals(a.password(), b.password());
        assertNotEquals("karaf", a.password());
    }

    @Test
    void environmentGivesUserAndPassword() {
        AdminAccount a = AdminAccount.choose("", "", Map.of("PAPERLESS_ADMIN_USER", "alice", "PAPERLESS_ADMIN_PASSWORD", "s3cret"));
        assertEquals("alice", a.user());
        assertEquals("s3cret", a.password());
        assertFalse(a.generated());
    }

    @Test
    void configurationWinsOverEnvironment() {
        AdminAccount a = AdminAccount.choose("bob", "pw", Map.of("PAPERLESS_ADMIN_USER", "alice"));
        assertEquals("bob", a.user());
        assertEquals("pw", a.password());
    }

    @Test
    void userNamesThatWouldBreakThePropertiesFileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminAccount.choose("a=b", "", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> AdminAccount.choose("a b", "", Map.of()));
    }

    @Test
    void toStringHidesThePassword() {
        assertFalse(AdminAccount.choose("", "topsecret", Map.of()).toString().contains("topsecret"));
    }

    @Test
    void credentialsFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        SecurityFolder folder = new SecurityFolder(dir.resolve("security")).create();
        CredentialsFile.write(folder.credentials(), new AdminAccount("admin", "pw123", true));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.credentials())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path())));
        Properties p = new Properties();
        try (var in = Files.newInputStream(folder.credentials())) {
            p.load(in);
        }
        assertEquals("admin", p.getProperty("user"));
        assertEquals("pw123", p.getProperty("password"));
    }
}
