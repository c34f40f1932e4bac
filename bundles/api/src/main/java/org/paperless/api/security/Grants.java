package org.paperless.api.security;

import java.util.Set;

/**
 * Who else may see, or change, a document or object besides its owner: users and groups by name. A change grant
 * lets its holder see the object too.
 */
public record Grants(Set<String> viewUsers, Set<String> viewGroups, Set<String> changeUsers, Set<String> changeGroups) {

    public static final Grants NONE = new Grants(Set.of(), Set.of(), Set.of(), Set.of());

    public Grants {
        viewUsers = viewUsers == null ? Set.of() : Set.copyOf(viewUsers);
        viewGroups = viewGroups == null ? Set.of() : Set.copyOf(viewGroups);
        changeUsers = changeUsers == null ? Set.of() : Set.copyOf(changeUsers);
        changeGroups = changeGroups == null ? Set.of() : Set.copyOf(changeGroups);
    }

    public boolean isEmpty() {
        return viewUsers.isEmpty() && viewGroups.isEmpty() && changeUsers.isEmpty() && changeGroups.isEmpty();
    }

    boolean views(ApiUser user) {
        return viewUsers.contains(user.name()) || viewGroups.stream().anyMatch(user.groups()::contains) || changes(user);
    }

    boolean changes(ApiUser user) {
        return changeUsers.contains(user.name()) || changeGroups.stream().anyMatch(user.groups()::contains);
    }

    /** Grants as they are read one at a time (rows of a table, records of an export). */
    public static final class Builder {
        private final java.util.Set<String> viewUsers = new java.util.HashSet<>();
        private final java.util.Set<String> viewGroups = new java.util.HashSet<>();
        private final java.util.Set<String> changeUsers = new java.util.HashSet<>();
        private final java.util.Set<String> changeGroups = new java.util.HashSet<>();

        /** One grant: to change (else to view), to a group (else to a user). */
        public Builder add(boolean change, boolean group, String name) {
            (change ? group ? changeGroups : changeUsers : group ? viewGroups : viewUsers).add(name);
            return this;
        }

        public Grants build() {
            return new Grants(viewUsers, viewGroups, changeUsers, changeGroups);
        }
    }
}
