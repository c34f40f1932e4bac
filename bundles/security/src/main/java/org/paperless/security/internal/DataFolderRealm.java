package org.paperless.security.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.apache.karaf.jaas.modules.publickey.PublickeyLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Replaces Karaf's "karaf" realm (which reads etc/users.properties) by one of a higher rank that reads
 * the users and public keys of the data folder. ssh and the console log in through it.
 */
@Component(service = JaasRealm.class, configurationPid = SecurityConfig.PID,
        property = {"org.apache.karaf.jaas.realm.name=karaf", "paperless.realm=true"})
@Designate(ocd = SecurityConfig.class)
public class DataFolderRealm implements JaasRealm {

    static final String REALM = "karaf";

    private final AppConfigurationEntry[] entries;
    private final SecurityFolder folder;

    @Activate
    public DataFolderRealm(BundleContext context, SecurityConfig config) throws IOException {
        this.folder = SecurityFolder.fromEnvironment(System.getenv()).create();
        this.entries = new AppConfigurationEntry[] {
            entry(context, PropertiesLoginModule.class, passwordOptions(folder, config.encryptionAlgorithm())),
            entry(context, PublickeyLoginModule.class, Map.of("users", folder.keys().toString()))
        };
    }

    static Map<String, Object> passwordOptions(SecurityFolder folder, String algorithm) {
        Map<String, Object> options = new HashMap<>();
        options.put("users", folder.users().toString());
        options.put("encryption.enabled", "true");
        options.put("encryption.algorithm", algorithm);
        options.put("encryption.encoding", "hexadecimal");
        options.put("encryption.prefix", "{CRYPT}");
        options.put("encryption.suffix", "{CRYPT}");
        options.put("detailed.login.exception", "false");
        return options;
    }

    private static AppConfigurationEntry entry(BundleContext context, Class<?> module, Map<String, Object> moduleOptions) {
        Map<String, Object> options = new HashMap<>(moduleOptions);
        options.put(BundleContext.class.getName(), context);
        // Karaf's proxy loads the real module from the bundle named here.
        options.put(ProxyLoginModule.PROPERTY_MODULE, module.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(FrameworkUtil.getBundle(module).getBundleId()));
        return new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT, options);
    }

    /** The entry that checks user names and passwords (the other checks public keys). */
    AppConfigurationEntry passwordEntry() {
        return entries[0];
    }

    SecurityFolder folder() {
        return folder;
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
