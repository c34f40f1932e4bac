package org.paperless.rest.gateway.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What Karaf's HTTP service serves under {@code /api/}: every request goes to the REST bundle's handler. While
 * that bundle is stopped, restarting or being updated the answer is a 503 with a JSON body at once, not a 404
 * page or a wait; a request already inside the handler finishes on it.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/api/*",
    "osgi.http.whiteboard.servlet.name=paperless-api",
    "osgi.http.whiteboard.servlet.multipart.enabled=true",
    "osgi.http.whiteboard.servlet.multipart.fileSizeThreshold=1048576"
})
public class ApiGateway extends HttpServlet {

    /** The property of the REST bundle's handler servlet (a plain service, not one the whiteboard serves). */
    public static final String HANDLER_FILTER = "(paperless.api=handler)";

    private static final long serialVersionUID = 1L;
    private static final byte[] AWAY = ("{\"detail\":\"The REST API is not running right now (the bundle "
            + "org.paperless.rest is stopped or being updated); start it with feature:install paperless-rest or "
            + "bundle:start org.paperless.rest and try again.\"}").getBytes(StandardCharsets.UTF_8);

    @Reference(target = HANDLER_FILTER, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Servlet handler;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Servlet current = handler;
        if (current != null) {
            current.service(request, response);
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", "10");
        response.setContentType("application/json");
        response.setContentLength(AWAY.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(AWAY);
        }
    }
}
