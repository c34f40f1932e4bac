package org.paperless.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.paperless.api.config.Settings;

/** The admin account to create at first start: from the configuration or the environment, else random. */
record AdminAccount(String user, String password, boolean generated) {

    /** Every role a Karaf administrator has, and ssh so the account can log in remotely. */
    static final String GROUP = "admingroup";
    static final List<String> ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    static AdminAccount choose(String configuredUser, String configuredPassword, Map<String, String> env) {
        Settings settings = Settings.of(env::get);
        String user = settings.string("adminUser", configuredUser, "PAPERLESS_ADMIN_USER", "admin");
        String password = settings.string("adminPassword", configuredPassword, "PAPERLESS_ADMIN_PASSWORD", "");
        if (!user.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("Admin user name '" + user
                    + "' may only contain letters, digits and . _ @ -");
        }
        if (password.isEmpty()) {
            return new AdminAccount(user, randomPassword(), true);
        }
        return new AdminAccount(user, password, false);
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "AdminAccount[" + user + "]";
    }
}
