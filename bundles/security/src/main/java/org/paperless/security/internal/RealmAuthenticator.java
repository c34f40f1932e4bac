package org.paperless.security.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
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
import org.paperless.api.security.Authenticator;

/**
 * Logs in through the data folder's realm, the one ssh and the console use, so the REST API knows the same users
 * and passwords; API tokens are kept beside the users.
 */
@Component(service = Authenticator.class)
public class RealmAuthenticator implements Authenticator {

    private final DataFolderRealm realm;
    private final RealmUsers users;
    private final ApiTokens tokens;

    @Activate
    public RealmAuthenticator(@Reference(target = "(paperless.realm=true)") JaasRealm realm,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> factories) {
        this.realm = (DataFolderRealm) realm;
        this.users = RealmUsers.of(factories, this.realm);
        this.tokens = new ApiTokens(this.realm.folder().path().resolve(ApiTokens.FILE));
    }

    @Override
    public Optional<ApiUser> login(String username, String password) {
        if (username == null || password == null || username.isEmpty()) {
            return Optional.empty();
        }
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // The login context loads Karaf's proxy module by name through the context class loader.
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(DataFolderRealm.REALM, subject, callbacks -> answer(callbacks,
                    username, password), new RealmConfiguration(realm.passwordEntry()));
            context.login();
            Set<String> roles = new HashSet<>();
            Set<String> groups = new HashSet<>();
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof RolePrincipal) {
                    roles.add(p.getName());
                } else if (p instanceof GroupPrincipal) {
                    groups.add(p.getName());
                }
            }
            context.logout();
            return Optional.of(new ApiUser(username, roles, groups));
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public Optional<ApiUser> forToken(String token) {
        return tokens.user(token).flatMap(this::known);
    }

    @Override
    public Optional<ApiUser> user(String name) {
        return name == null ? Optional.empty() : known(name);
    }

    @Override
    public String token(ApiUser user) {
        try {
            return tokens.tokenOf(user.name());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the API token: " + e.getMessage(), e);
        }
    }

    /** The user as the realm knows them now: roles may have changed, the user may be gone. */
    private Optional<ApiUser> known(String name) {
        BackingEngine engine = users.engine();
        return engine.listUsers().stream().filter(u -> u.getName().equals(name)).findFirst()
                .map(u -> new ApiUser(name, rolesOf(engine, u), groupsOf(engine, u)));
    }

    static Set<String> rolesOf(BackingEngine engine, UserPrincipal user) {
        Set<String> roles = new HashSet<>();
        engine.listRoles(user).forEach(r -> roles.add(r.getName()));
        // Roles given through groups.
        engine.listGroups(user).forEach(g -> engine.listRoles(g).forEach(r -> roles.add(r.getName())));
        return roles;
    }

    static Set<String> groupsOf(BackingEngine engine, UserPrincipal user) {
        Set<String> groups = new HashSet<>();
        engine.listGroups(user).forEach(g -> groups.add(g.getName()));
        return groups;
    }

    private static void answer(Callback[] callbacks, String username, String password)
            throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback name) {
                name.setName(username);
            } else if (c instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    /** The realm's entries for a login context of our own, without touching the JVM-wide configuration. */
    private static final class RealmConfiguration extends Configuration {
        private final AppConfigurationEntry[] entries;

        RealmConfiguration(AppConfigurationEntry entry) {
            this.entries = new AppConfigurationEntry[] {entry};
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return entries.clone();
        }
    }
}
