package org.paperless.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.paperless.api.ConflictException;
import org.paperless.api.NotFoundException;
import org.paperless.api.config.Settings;
import org.paperless.api.security.ApiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/}, reached through the gateway bundle's servlet, which Karaf's HTTP service
 * serves (so that requests get a 503, not a 404, while this bundle is away): finds the route,
 * checks who asks, runs the handler, writes JSON or a file. Every failure is a JSON answer with a status; none
 * carries a stack trace.
 */
@Component(service = Servlet.class, configurationPid = RestConfig.PID, property = "paperless.api=handler")
@Designate(ocd = RestConfig.class)
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** Answers up to this size are sent whole, with their length; longer ones as they are written. */
    private static final int JSON_BUFFER = 64 * 1024;

    private final transient Services services;
    private final transient Uploads uploads;
    /**
     * Work asked for through the API that outlasts its request (a mail fetch, reprocessing): one job at a time, a
     * bounded queue; a request that finds it full is answered 503.
     */
    private final transient java.util.concurrent.ExecutorService background = new java.util.concurrent.ThreadPoolExecutor(
            1, 1, 0, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(16),
            r -> new Thread(r, "paperless-rest-background"));
    private transient volatile List<Route> routes;
    private transient volatile LoginThrottle throttle;
    private transient volatile BrowserLogin browsers;

    @Activate
    public ApiServlet(@Reference Services services, RestConfig config) {
        this.services = services;
        this.uploads = new Uploads(services);
        modified(config);
        uploads.resume();
    }

    @Modified
    void modified(RestConfig config) {
        Settings settings = Settings.of(System::getenv);
        long maxUploadMb = settings.integer("maxUploadMb", config.maxUploadMb(), "PAPERLESS_MAX_UPLOAD_MB", 256);
        String url = settings.string("url", config.url(), "PAPERLESS_URL", "");
        long sessionAge = settings.integer("sessionCookieAge", config.sessionCookieAge(), "PAPERLESS_SESSION_COOKIE_AGE",
                BrowserLogin.DEFAULT_AGE_SECONDS);
        this.throttle = new LoginThrottle(config.maxFailedLogins(), 60_000);
        BrowserLogin before = this.browsers;
        this.browsers = before != null && before.ageSeconds() == sessionAge ? before
                : new BrowserLogin(services, this, new Sessions(sessionAge * 1000, System::currentTimeMillis), url);
        this.routes = ApiRoutes.all(services, uploads, this, maxUploadMb * 1024 * 1024, url);
    }

    /** Runs work after the request is answered; 503 when too much waits already. */
    void inBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw ApiException.detail(503, "Too much work is waiting already; try again in a minute.");
        }
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        uploads.close();
        background.shutdownNow();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Reply reply = handle(request, response);
            write(response, reply);
        } catch (ApiException e) {
            json(response, e.status(), e.body());
        } catch (NotFoundException e) {
            json(response, 404, java.util.Map.of("detail", "No object matches the given query."));
        } catch (ConflictException | IllegalArgumentException e) {
            json(response, 400, java.util.Map.of("detail", String.valueOf(e.getMessage())));
        } catch (Exception e) {
            if (e instanceof IOException && response.isCommitted()) {
                // The answer was under way: the client went away (or the connection broke) while it was sent.
                LOG.debug("Sending the answer to {} {} stopped: {}", request.getMethod(), request.getRequestURI(),
                        String.valueOf(e));
                return;
            }
            LOG.error("The API failed on {} {}", request.getMethod(), request.getRequestURI(), e);
            json(response, 500, java.util.Map.of("detail", "The server failed on this request; the log says why."));
        }
    }

    private Reply handle(HttpServletRequest request, HttpServletResponse response) throws Exception {
        List<String> path = Route.split(Optional.ofNullable(request.getPathInfo()).orElse("/"));
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<List<Long>> ids = route.match(path);
            if (ids.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.getMethod())) {
                continue;
            }
            ApiUser user = route.open() ? null : authenticate(request, response);
            int version = ApiVersion.of(request.getHeader("Accept"));
            if (user != null) {
                response.setHeader("X-Api-Version", String.valueOf(ApiVersion.MAX));
                response.setHeader("X-Version", ApiRoutes.VERSION);
            }
            return route.handler().handle(new ApiRequest(request, user, ids.get(), version));
        }
        if (pathKnown) {
            throw ApiException.detail(405, "Method \"" + request.getMethod() + "\" not allowed.");
        }
        throw ApiException.detail(404, "Not found.");
    }

    /**
     * The user from a token, HTTP Basic or a browser's session cookie (changes then checked against CSRF); 401
     * without credentials or with wrong ones.
     */
    ApiUser authenticate(HttpServletRequest request, HttpServletResponse response) {
        String header = request.getHeader("Authorization");
        String address = request.getRemoteAddr();
        if (header == null) {
            Optional<ApiUser> browser = browsers.user(request);
            if (browser.isPresent()) {
                return browser.get();
            }
            response.setHeader("WWW-Authenticate", "Token");
            throw ApiException.detail(401, "Authentication credentials were not provided.");
        }
        throttle.check(address);
        Optional<ApiUser> user;
        if (header.regionMatches(true, 0, "Token ", 0, 6)) {
            user = services.authenticator().forToken(header.substring(6).trim());
            if (user.isEmpty()) {
                throttle.failed(address);
                throw ApiException.detail(401, "Invalid token.");
            }
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(header.substring(6).trim());
            user = services.authenticator().login(pair[0], pair[1]);
            if (user.isEmpty()) {
                throttle.failed(address);
                response.setHeader("WWW-Authenticate", "Basic realm=\"api\"");
                throw ApiException.detail(401, "Invalid username/password.");
            }
        } else {
            throw ApiException.detail(401, "Authentication credentials were not provided.");
        }
        return user.get();
    }

    BrowserLogin browsers() {
        return browsers;
    }

    /** Checks a login for POST /api/token/, counted against the address as every other. */
    ApiUser login(HttpServletRequest request, String username, String password) {
        String address = request.getRemoteAddr();
        throttle.check(address);
        return services.authenticator().login(username, password).orElseGet(() -> {
            throttle.failed(address);
            throw ApiException.invalid("non_field_errors", "Unable to log in with provided credentials.");
        });
    }

    private static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.detail(401, "Invalid basic header. Credentials not correctly base64 encoded.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ApiException.detail(401, "Invalid basic header. No credentials provided.");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void write(HttpServletResponse response, Reply reply) throws IOException {
        reply.cookies().forEach(c -> response.addHeader("Set-Cookie", c));
        if (reply.resource() != null) {
            try (java.io.InputStream in = ApiServlet.class.getClassLoader().getResourceAsStream(reply.resource())) {
                if (in == null) {
                    throw ApiException.detail(404, "Not found.");
                }
                response.setStatus(reply.status());
                response.setContentType(reply.contentType());
                try (OutputStream out = response.getOutputStream()) {
                    in.transferTo(out);
                }
            }
            return;
        }
        if (reply.file() == null) {
            json(response, reply.status(), reply.json());
            return;
        }
        response.setStatus(reply.status());
        response.setContentType(reply.contentType());
        response.setContentLengthLong(Files.size(reply.file()));
        response.setHeader("Content-Disposition", ContentDisposition.of(reply.inline(), reply.fileName()));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(reply.file(), out);
        }
    }

    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        if (body == null) {
            return;
        }
        response.setContentType("application/json");
        // Written as it is made, not made then copied: a version 9 list's "all" alone is 700 KB for 100,000
        // documents. An answer that fits the buffer still goes out with a Content-Length, and one that fails
        // before filling it still becomes a JSON error.
        try {
            response.setBufferSize(JSON_BUFFER);
        } catch (IllegalStateException written) {
            // an error answer after a partly written one: the buffer stays as it was
        }
        try (OutputStream out = response.getOutputStream()) {
            Json.MAPPER.writeValue(out, body);
        }
    }
}
