package dev.omnisync.workspace.web;

import dev.omnisync.workspace.WorkspaceId;
import dev.omnisync.workspace.Workspaces;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens {@code /api/**} to a valid bearer token and records the token's workspace on the request. Other
 * paths (console, sandboxes, webhooks, actuator, OpenAPI) authenticate their own way.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    static final String WORKSPACE_ATTRIBUTE = ApiTokenFilter.class.getName() + ".workspace";

    private final Workspaces workspaces;

    ApiTokenFilter(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, "Send 'Authorization: Bearer <token>' with every /api call.");
            return;
        }
        Optional<WorkspaceId> workspace = workspaces.authenticate(header.substring(7).strip());
        if (workspace.isEmpty()) {
            refuse(response, "The bearer token is not valid.");
            return;
        }
        request.setAttribute(WORKSPACE_ATTRIBUTE, workspace.get());
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'") + "\"}");
    }
}
