package dev.omnisync.sandbox;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A path under a sandbox that no simulator serves gets the channel's own 404 (the least specific mapping, so
 * every real route wins over it).
 */
@RestController
@SandboxEnabled
class SandboxUnknownRoutes {

    @RequestMapping("/sandbox/{ch}/**")
    void unknown(@PathVariable String ch, jakarta.servlet.http.HttpServletRequest request) {
        throw new SandboxRefusal(404, SandboxRefusal.Kind.NOT_FOUND, "NOT_FOUND",
                "No such resource on the " + ch + " sandbox: " + request.getMethod() + " " + request.getRequestURI());
    }
}
