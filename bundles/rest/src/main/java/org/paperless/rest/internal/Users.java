package org.paperless.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.paperless.api.security.UserDirectory;

/**
 * Users and groups as paperless-ngx's JSON names them: by number. The realm knows them by name only, so a number is
 * derived from the name (stable across restarts and instances); documents without an owner have none.
 */
final class Users {

    private Users() {
    }

    static Long id(String user) {
        return number(user);
    }

    static Long groupId(String group) {
        return number(group);
    }

    private static Long number(String name) {
        return name == null || name.isEmpty() ? null : UserDirectory.numberOf(name);
    }

    static Map<String, Object> summary(String user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id(user));
        json.put("username", user);
        json.put("first_name", "");
        json.put("last_name", "");
        return json;
    }
}
