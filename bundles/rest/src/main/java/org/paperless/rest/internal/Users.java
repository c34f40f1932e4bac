package org.paperless.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Users as paperless-ngx's JSON names them: by number. The realm knows users by name only, so a user's number is
 * derived from the name (stable across restarts and instances); documents without an owner have none.
 */
final class Users {

    private Users() {
    }

    static Long id(String user) {
        if (user == null || user.isEmpty()) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(user.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() & 0x7fff_ffffL;
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
