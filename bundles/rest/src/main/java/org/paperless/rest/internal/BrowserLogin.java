package org.paperless.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import org.paperless.api.security.ApiUser;

/**
 * Logins for browsers, as paperless-ngx's (django-allauth's headless API under {@code /api/auth/headless/browser/
 * v1/}): a session cookie (HttpOnly, SameSite=Lax), and CSRF protection for the login and for every change made
 * with the session: the {@code X-CSRFToken} header must carry the {@code csrftoken} cookie's value, and a request
 * that names its origin must come from this instance (or {@code PAPERLESS_URL}). Tokens and HTTP Basic need none
 * of this: a browser never sends them on its own.
 */
final class BrowserLogin {

    static final int DEFAULT_AGE_SECONDS = 60 * 60 * 24 * 7 * 3;
    /** Django's: a year. */
    static final long CSRF_AGE_SECONDS = 31_449_600L;
    static final String SESSION_COOKIE = "sessionid";
    static final String CSRF_COOKIE = "csrftoken";
    static final String CSRF_HEADER = "X-CSRFToken";
    private static final String BASE = "/auth/headless/browser/v1/auth/";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Services services;
    private final ApiServlet servlet;
    private final Sessions sessions;
    private final String url;

    BrowserLogin(Services services, ApiServlet servlet, Sessions sessions, String url) {
        this.services = services;
        this.servlet = servlet;
        this.sessions = sessions;
        this.url = url;
    }

    /** A user's browser sessions end: their password changed, or they were deleted. */
    void logOut(String user) {
        sessions.closeAll(user);
    }

    long ageSeconds() {
        return sessions.ageSeconds();
    }

    void routes(List<Route> routes) {
        routes.add(Route.open("GET", BASE + "session", this::session));
        routes.add(Route.open("DELETE", BASE + "session", this::logout));
        routes.add(Route.open("POST", BASE + "login", this::login));
    }

    /** The user of the request's session cookie; a change with it must pass the CSRF checks (else 403). */
    Optional<ApiUser> user(HttpServletRequest request) {
        String id = cookie(request, SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiUser> user = services.authenticator().user(session.get().user());
        if (user.isEmpty()) {
            sessions.close(id); // the user is gone
            return Optional.empty();
        }
        if (!SAFE.contains(request.getMethod())) {
            checkCsrf(request, session.get().csrf());
        }
        return user;
    }

    private Reply session(ApiRequest r) {
        Optional<ApiUser> user = sessionUser(r.http());
        return user.isPresent() ? loggedIn(r, user.get()) : loggedOut(r);
    }

    private Reply login(ApiRequest r) throws IOException {
        String cookie = cookie(r.http(), CSRF_COOKIE);
        if (cookie == null) {
            throw ApiException.detail(403, "CSRF Failed: CSRF cookie not set.");
        }
        checkCsrf(r.http(), cookie);
        var body = r.json();
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        ApiUser user;
        try {
            user = servlet.login(r.http(), username, password);
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e; // too many failed logins
            }
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "The username and/or password you specified are not correct.");
            error.put("code", "username_password_mismatch");
            error.put("param", "password");
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", 400);
            json.put("errors", List.of(error));
            return new Reply(400, json, null, null, null, false);
        }
        sessions.close(cookie(r.http(), SESSION_COOKIE));
        String csrf = Sessions.random(); // a new token with every login, as Django
        String id = sessions.open(user.name(), csrf);
        return loggedIn(r, user)
                .withCookie(cookie(r, SESSION_COOKIE, id, sessions.ageSeconds(), true))
                .withCookie(cookie(r, CSRF_COOKIE, csrf, CSRF_AGE_SECONDS, false));
    }

    private Reply logout(ApiRequest r) {
        String id = cookie(r.http(), SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isPresent()) {
            checkCsrf(r.http(), session.get().csrf());
            sessions.close(id);
        }
        return loggedOut(r).withCookie(cookie(r, SESSION_COOKIE, "", 0, true));
    }

    private Optional<ApiUser> sessionUser(HttpServletRequest request) {
        return sessions.find(cookie(request, SESSION_COOKIE)).flatMap(s -> services.authenticator().user(s.user()));
    }

    private static Reply loggedIn(ApiRequest r, ApiUser user) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", Users.id(user.name()));
        u.put("display", user.name());
        u.put("has_usable_password", true);
        u.put("username", user.name());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", u);
        data.put("methods", List.of(Map.of("method", "password", "username", user.name())));
        return new Reply(200, envelope(200, data, true), null, null, null, false);
    }

    /** allauth answers 401 with the flows that log in; the csrftoken cookie comes along for the login. */
    private static Reply loggedOut(ApiRequest r) {
        Reply reply = new Reply(401, envelope(401, Map.of("flows", List.of(Map.of("id", "login"))), false),
                null, null, null, false);
        return cookie(r.http(), CSRF_COOKIE) == null
                ? reply.withCookie(cookie(r, CSRF_COOKIE, Sessions.random(), CSRF_AGE_SECONDS, false)) : reply;
    }

    private static Map<String, Object> envelope(int status, Object data, boolean authenticated) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("data", data);
        json.put("meta", Map.of("is_authenticated", authenticated));
        return json;
    }

    /** The header must repeat the token, and an origin the browser names must be this instance's. */
    private void checkCsrf(HttpServletRequest request, String expected) {
        String given = request.getHeader(CSRF_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.detail(403, "CSRF Failed: CSRF token missing or incorrect.");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(own(request)) && !origin.equals(configured())) {
            throw ApiException.detail(403, "CSRF Failed: Origin checking failed - " + origin + " does not match any "
                    + "trusted origins.");
        }
    }

    private static String own(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return request.getScheme() + "://" + (host == null ? request.getServerName() + ":" + request.getServerPort() : host);
    }

    private String configured() {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.strip());
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name) && c.getValue() != null && c.getValue().matches("[0-9a-f]{64}")) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String cookie(ApiRequest r, String name, String value, long maxAge, boolean httpOnly) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; SameSite=Lax" + (httpOnly ? "; HttpOnly" : "")
                + (r.http().isSecure() ? "; Secure" : "");
    }
}
