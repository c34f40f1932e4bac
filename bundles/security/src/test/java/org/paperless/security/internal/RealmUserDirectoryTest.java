package org.paperless.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperless.api.security.UserDirectory.Account;
import org.paperless.api.security.UserDirectory.Group;

/** Users and groups through Karaf's own properties backing engine, over a real users file. */
class RealmUserDirectoryTest {

    @TempDir
    Path dir;
    private RealmUserDirectory directory;
    private ApiTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "admin = secret,_g_:admingroup\n_g_\\:admingroup = group,admin,viewer\n");
        tokens = new ApiTokens(dir.resolve(ApiTokens.FILE));
        directory = new RealmUserDirectory(new RealmUsers(new PropertiesBackingEngineFactory(),
                Map.of("users", users.toString())), tokens);
    }

    @Test
    void usersAndGroupsAreMadeChangedAndListed() {
        Group family = directory.createGroup("family");
        assertEquals(new Group("family", Set.of()), family);
        Account bob = directory.createUser("bob", "bob-secret", false, Set.of("family"));
        assertEquals(new Account("bob", Set.of(), Set.of("family")), bob);
        assertTrue(directory.user("admin").orElseThrow().admin(), "roles through the admin group");

        Account admin = directory.changeUser("bob", null, true, null);
        assertTrue(admin.admin());
        assertEquals(Set.of("family"), admin.groups(), "what is not given stays");
        assertFalse(directory.changeUser("bob", null, false, null).admin());
        assertEquals(List.of("admin", "bob"), directory.users().stream().map(Account::name).toList());
    }

    @Test
    void aGroupStaysWhenItsLastMemberLeavesIt() {
        directory.createGroup("family");
        directory.createUser("bob", null, false, Set.of("family"));
        directory.changeUser("bob", null, null, Set.of());
        assertEquals(Set.of(), directory.user("bob").orElseThrow().groups());
        assertEquals(List.of("admingroup", "family"), directory.groups().stream().map(Group::name).toList());
        directory.changeUser("bob", null, null, Set.of("family"));
        directory.deleteUser("bob");
        assertEquals(List.of("admingroup", "family"), directory.groups().stream().map(Group::name).toList());
    }

    @Test
    void aDeletedGroupLeavesItsMembers() {
        directory.createGroup("family");
        directory.createUser("bob", null, false, Set.of("family"));
        assertTrue(directory.deleteGroup("family"));
        assertEquals(Set.of(), directory.user("bob").orElseThrow().groups());
        assertEquals(List.of("admingroup"), directory.groups().stream().map(Group::name).toList());
        assertFalse(directory.deleteGroup("family"));
    }

    @Test
    void aDeletedUserLosesTheirTokenAndANewUserOfTheSameNameGetsAnother() throws Exception {
        directory.createUser("bob", "one", false, Set.of());
        String token = tokens.tokenOf("bob");
        assertTrue(directory.deleteUser("bob"));
        assertTrue(tokens.user(token).isEmpty());
        directory.createUser("bob", "two", false, Set.of());
        assertNotEquals(token, tokens.tokenOf("bob"));
        assertFalse(directory.deleteUser("nobody"));
    }

    @Test
    void refusesNamesTheRealmCannotHoldTakenNamesAndUnknownGroups() {
        for (String bad : new String[] {"", "a b", "a,b", "a=b", "_g_:x", "x".repeat(129)}) {
            assertThrows(IllegalArgumentException.class, () -> directory.createUser(bad, "pw", false, Set.of()), bad);
            assertThrows(IllegalArgumentException.class, () -> directory.createGroup(bad), bad);
        }
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> directory.createUser("admin", "pw", false, Set.of()));
        assertEquals("A user named 'admin' exists already", taken.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> directory.createUser("carol", "pw", false, Set.of("nope")));
        assertEquals("No group named 'nope'", unknown.getMessage());
        assertTrue(directory.user("carol").isEmpty(), "nothing made");
    }
}
