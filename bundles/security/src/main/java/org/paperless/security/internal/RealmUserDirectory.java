package org.paperless.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paperless.api.security.ApiUser;
import org.paperless.api.security.UserDirectory;

/**
 * The users and groups of the data folder's realm, changed through Karaf's backing engine as jaas:* does. Being an
 * admin is having the admin role of one's own; groups carry the roles their members get.
 */
@Component(service = UserDirectory.class)
public class RealmUserDirectory implements UserDirectory {

    /** What the realm's file can hold as a name, and what paperless-ngx allows for user names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RealmUsers realm;
    private final ApiTokens tokens;

    @Activate
    public RealmUserDirectory(@Reference(target = "(paperless.realm=true)") JaasRealm realm,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> factories) {
        this(RealmUsers.of(factories, (DataFolderRealm) realm),
                new ApiTokens(((DataFolderRealm) realm).folder().path().resolve(ApiTokens.FILE)));
    }

    RealmUserDirectory(RealmUsers realm, ApiTokens tokens) {
        this.realm = realm;
        this.tokens = tokens;
    }

    @Override
    public List<Account> users() {
        BackingEngine engine = realm.engine();
        return engine.listUsers().stream().map(u -> account(engine, u))
                .sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public Optional<Account> user(String name) {
        BackingEngine engine = realm.engine();
        return Optional.ofNullable(name).map(engine::lookupUser).map(u -> account(engine, u));
    }

    @Override
    public List<Group> groups() {
        return realm.engine().listGroups().entrySet().stream().map(RealmUserDirectory::group)
                .sorted(Comparator.comparing(Group::name)).toList();
    }

    @Override
    public synchronized Account createUser(String name, String password, boolean admin, Set<String> groups) {
        check(name, "user");
        BackingEngine engine = realm.engine();
        if (engine.lookupUser(name) != null) {
            throw new IllegalArgumentException("A user named '" + name + "' exists already");
        }
        Set<String> known = groupNames(engine);
        requireKnown(groups, known);
        engine.addUser(name, password == null ? unusablePassword() : password);
        engine = realm.engine();
        if (admin) {
            engine.addRole(name, ApiUser.ADMIN_ROLE);
        }
        for (String group : groups) {
            engine.addGroup(name, group);
        }
        return user(name).orElseThrow();
    }

    @Override
    public synchronized Account changeUser(String name, String password, Boolean admin, Set<String> groups) {
        BackingEngine engine = realm.engine();
        UserPrincipal user = name == null ? null : engine.lookupUser(name);
        if (user == null) {
            throw new IllegalArgumentException("No user named '" + name + "'");
        }
        if (groups != null) {
            requireKnown(groups, groupNames(engine));
        }
        if (password != null) {
            engine.addUser(name, password);
            engine = realm.engine();
        }
        if (admin != null) {
            boolean own = engine.listRoles(user).stream().anyMatch(r -> r.getName().equals(ApiUser.ADMIN_ROLE));
            if (admin && !own) {
                engine.addRole(name, ApiUser.ADMIN_ROLE);
            } else if (!admin) {
                engine.deleteRole(name, ApiUser.ADMIN_ROLE);
            }
            engine = realm.engine();
        }
        if (groups != null) {
            setGroups(user, groups);
        }
        return user(name).orElseThrow();
    }

    /** Karaf's engine drops a group with its last member: a group emptied this way is made again, with its roles. */
    private void setGroups(UserPrincipal user, Set<String> wanted) {
        BackingEngine engine = realm.engine();
        Map<String, Group> before = new java.util.HashMap<>();
        groups().forEach(g -> before.put(g.name(), g));
        Set<String> now = RealmAuthenticator.groupsOf(engine, user);
        for (String group : now) {
            if (!wanted.contains(group)) {
                realm.engine().deleteGroup(user.getName(), group);
                restore(before.get(group));
            }
        }
        for (String group : wanted) {
            if (!now.contains(group)) {
                realm.engine().addGroup(user.getName(), group);
            }
        }
    }

    private void restore(Group group) {
        if (group == null || groupNames(realm.engine()).contains(group.name())) {
            return;
        }
        realm.engine().createGroup(group.name());
        for (String role : group.roles()) {
            realm.engine().addGroupRole(group.name(), role);
        }
    }

    @Override
    public synchronized boolean deleteUser(String name) {
        BackingEngine engine = realm.engine();
        UserPrincipal user = name == null ? null : engine.lookupUser(name);
        if (user == null) {
            return false;
        }
        Map<String, Group> groups = new java.util.HashMap<>();
        groups().forEach(g -> groups.put(g.name(), g));
        engine.deleteUser(name);
        groups.values().forEach(this::restore);
        try {
            tokens.revoke(name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The user is deleted, but their API token is not: " + e.getMessage()
                    + "; remove their line from " + ApiTokens.FILE, e);
        }
        return true;
    }

    @Override
    public synchronized Group createGroup(String name) {
        check(name, "group");
        BackingEngine engine = realm.engine();
        if (groupNames(engine).contains(name)) {
            throw new IllegalArgumentException("A group named '" + name + "' exists already");
        }
        engine.createGroup(name);
        return new Group(name, Set.of());
    }

    @Override
    public synchronized boolean deleteGroup(String name) {
        BackingEngine engine = realm.engine();
        if (name == null || !groupNames(engine).contains(name)) {
            return false;
        }
        for (UserPrincipal user : engine.listUsers()) {
            if (RealmAuthenticator.groupsOf(engine, user).contains(name)) {
                realm.engine().deleteGroup(user.getName(), name);
            }
        }
        // Karaf drops a group with its last member; one that never had any stays: remove its line.
        BackingEngine now = realm.engine();
        if (groupNames(now).contains(name)) {
            now.deleteUser(BackingEngine.GROUP_PREFIX + name);
        }
        return true;
    }

    private static Account account(BackingEngine engine, UserPrincipal user) {
        return new Account(user.getName(), RealmAuthenticator.rolesOf(engine, user),
                RealmAuthenticator.groupsOf(engine, user));
    }

    private static Group group(Map.Entry<GroupPrincipal, String> entry) {
        Set<String> roles = new HashSet<>();
        for (String role : entry.getValue().split(",")) {
            if (!role.isBlank()) {
                roles.add(role.strip());
            }
        }
        return new Group(entry.getKey().getName(), roles);
    }

    private static Set<String> groupNames(BackingEngine engine) {
        Set<String> names = new HashSet<>();
        engine.listGroups().keySet().forEach(g -> names.add(g.getName()));
        return names;
    }

    private static void requireKnown(Set<String> groups, Set<String> known) {
        for (String group : groups) {
            if (!known.contains(group)) {
                throw new IllegalArgumentException("No group named '" + group + "'");
            }
        }
    }

    private static void check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A " + what + " name is 1 to 128 letters, digits and . _ @ + -, not '"
                    + name + "'");
        }
    }

    /** A password nobody knows: the user logs in once one is set. */
    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
