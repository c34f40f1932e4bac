package org.paperless.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * A user who logged in, with the roles the realm gives them and the groups they are in.
 *
 * @param name the login name
 * @param roles the roles, directly or through groups
 * @param groups the names of the user's groups
 */
public record ApiUser(String name, Set<String> roles, Set<String> groups) {

    /** The role that sees and changes everything, as on the console. */
    public static final String ADMIN_ROLE = "admin";

    public ApiUser {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A user in no group. */
    public ApiUser(String name, Set<String> roles) {
        this(name, roles, Set.of());
    }

    public boolean admin() {
        return roles.contains(ADMIN_ROLE);
    }
}
