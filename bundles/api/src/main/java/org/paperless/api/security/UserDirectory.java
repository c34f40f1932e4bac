package org.paperless.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The users and groups of the console's realm, for those who manage them elsewhere (the REST API, imports). A
 * user made here without a password cannot log in until one is set.
 */
@ProviderType
public interface UserDirectory {

    /** A user: the roles they have (directly and through groups) and the groups they are in. */
    record Account(String name, Set<String> roles, Set<String> groups) {
        public Account {
            roles = Set.copyOf(roles);
            groups = Set.copyOf(groups);
        }

        public boolean admin() {
            return roles.contains(ApiUser.ADMIN_ROLE);
        }
    }

    /** A group and the roles its members get. */
    record Group(String name, Set<String> roles) {
        public Group {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * The number paperless-ngx's JSON and exports give a user or a group: derived from the name (the realm has no
     * numbers), so it is the same on every instance and after every restart.
     */
    static long numberOf(String name) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue() & 0x7fff_ffffL;
    }

    List<Account> users();

    Optional<Account> user(String name);

    List<Group> groups();

    /**
     * @param password null for none: the user cannot log in until one is set
     * @throws IllegalArgumentException for a name the realm cannot hold, or one taken
     */
    Account createUser(String name, String password, boolean admin, Set<String> groups);

    /**
     * Changes what is given, keeps what is null.
     *
     * @throws IllegalArgumentException for an unknown user or group
     */
    Account changeUser(String name, String password, Boolean admin, Set<String> groups);

    /** @return false when there was no such user */
    boolean deleteUser(String name);

    /** @throws IllegalArgumentException for a name the realm cannot hold, or one taken */
    Group createGroup(String name);

    /** Takes the group from its members too. @return false when there was no such group */
    boolean deleteGroup(String name);
}
