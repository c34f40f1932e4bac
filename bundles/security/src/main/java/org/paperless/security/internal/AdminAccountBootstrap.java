package org.paperless.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution ships no user at all. At first start, when the data folder has no user yet, this
 * creates the admin account (from PAPERLESS_ADMIN_USER / PAPERLESS_ADMIN_PASSWORD, or with a random
 * password that is printed once) and writes its credentials to a file only the owner can read.
 */
@Component(configurationPid = SecurityConfig.PID, immediate = true)
public class AdminAccountBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    @Activate
    public AdminAccountBootstrap(
            @Reference(target = "(paperless.realm=true)") JaasRealm realm,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> factories,
            SecurityConfig config) throws IOException {
        DataFolderRealm dataRealm = (DataFolderRealm) realm;
        SecurityFolder folder = dataRealm.folder();
        BackingEngine engine = RealmUsers.of(factories, dataRealm).engine();
        if (!engine.listUsers().isEmpty()) {
            return;
        }
        ensureKeysFile(folder.keys());
        AdminAccount account = AdminAccount.choose(config.adminUser(), config.adminPassword(), System.getenv());
        engine.addUser(account.user(), account.password());
        engine.createGroup(AdminAccount.GROUP);
        for (String role : AdminAccount.ROLES) {
            engine.addGroupRole(AdminAccount.GROUP, role);
        }
        engine.addGroup(account.user(), AdminAccount.GROUP);
        CredentialsFile.write(folder.credentials(), account);
        announce(account, folder.credentials());
    }

    /** Public keys log in with the admin group's roles, so the group is defined in the keys file too. */
    private static void ensureKeysFile(Path keys) throws IOException {
        if (!Files.exists(keys)) {
            String roles = String.join(",", AdminAccount.ROLES);
            Files.writeString(keys, "# user=<base64 public key>,_g_:" + AdminAccount.GROUP + "\n"
                    + "_g_\\:" + AdminAccount.GROUP + " = group," + roles + "\n", StandardCharsets.UTF_8);
        }
    }

    private static void announce(AdminAccount account, Path credentials) {
        if (account.generated()) {
            String message = "Created the admin account '" + account.user() + "' with the password "
                    + account.password() + " (saved in " + credentials + ", readable by its owner only)";
            System.out.println("\n*** " + message + "\n");
            LOG.info("Created the admin account '{}' with a random password, saved in {}", account.user(), credentials);
        } else {
            LOG.info("Created the admin account '{}' from PAPERLESS_ADMIN_USER/PAPERLESS_ADMIN_PASSWORD; credentials in {}",
                    account.user(), credentials);
        }
    }
}
