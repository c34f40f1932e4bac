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
}
