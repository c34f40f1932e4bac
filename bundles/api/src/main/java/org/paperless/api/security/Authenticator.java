package org.paperless.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Checks credentials against the users of the console, and keeps each user's API token. */
@ProviderType
public interface Authenticator {

    /** The user with this name and password; empty when either is wrong. */
    Optional<ApiUser> login(String username, String password);

    /** The user an API token belongs to; empty for an unknown token or a user who is gone. */
    Optional<ApiUser> forToken(String token);

    /** The user as the realm knows them now (roles and groups may have changed); empty for one who is gone. */
    Optional<ApiUser> user(String name);

    /** The user's API token: made at the first request, then the same one each time (as paperless-ngx). */
    String token(ApiUser user);
}
