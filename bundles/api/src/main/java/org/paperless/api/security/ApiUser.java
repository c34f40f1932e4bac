package org.paperless.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * A user who logged in, with the roles the realm gives them.
 *
 * @param name the login name
 * @param roles the roles, directly or through groups
 */
public record ApiUser(String name, Set<String> roles) {

    /** The role that sees and changes everything, as on the console. */
    public static final String ADMIN_ROLE = "admin";

    public ApiUser {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean admin() {
        return roles.contains(ADMIN_ROLE);
    }
}
