package dev.omnisync.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Sandbox errors speak the channel's error format (eBay {@code errors[]}, Kaufland problems, ...), never the
 * app's problem details; the control API answers {@code {"error": "..."}}. Ordered before the app's handler.
 */
@RestControllerAdvice(basePackages = "dev.omnisync.sandbox")
@Order(Ordered.HIGHEST_PRECEDENCE)
@SandboxEnabled
class SandboxErrorAdvice {

    private final List<SandboxMarketplace> marketplaces;

    SandboxErrorAdvice(List<SandboxMarketplace> marketplaces) {
        this.marketplaces = marketplaces;
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<String> refusal(SandboxRefusal refusal, HttpServletRequest request) {
        return answer(request, refusal);
    }

    @ExceptionHandler({IllegalArgumentException.class, JacksonException.class})
    ResponseEntity<String> badInput(Exception e, HttpServletRequest request) {
        String message = e instanceof JacksonException j ? "Malformed JSON: " + j.getOriginalMessage() : e.getMessage();
        return answer(request, new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST", message));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<String> badParameter(Exception e, HttpServletRequest request) {
        return answer(request, new SandboxRefusal(400, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        // Spring's own 4xx (bad multipart, unreadable body, wrong media type, ...) stay 4xx, in the channel's format.
        if ((e instanceof org.springframework.web.ErrorResponse er && er.getStatusCode().is4xxClientError())
                || e instanceof org.springframework.web.multipart.MultipartException
                || e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            int status = e instanceof org.springframework.web.ErrorResponse er ? er.getStatusCode().value() : 400;
            return answer(request, new SandboxRefusal(status, SandboxRefusal.Kind.VALIDATION, "INVALID_REQUEST",
                    "The request could not be read: " + e.getMessage()));
        }
        org.slf4j.LoggerFactory.getLogger(SandboxErrorAdvice.class).warn("Sandbox failed on {}", request.getRequestURI(), e);
        return answer(request, new SandboxRefusal(500, SandboxRefusal.Kind.SERVER, "INTERNAL", "Internal error: " + e));
    }

    private ResponseEntity<String> answer(HttpServletRequest request, SandboxRefusal refusal) {
        // Stats count the refusal by what it is, also where the channel answers refusals with HTTP 200 (Temu).
        request.setAttribute(SandboxGate.REFUSAL_STATUS, refusal.status);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/", 4);
        boolean control = parts.length > 3 && parts[3].startsWith("_control");
        if (!control && parts.length > 2) {
            for (SandboxMarketplace m : marketplaces) {
                if (m.slug().equals(parts[2])) {
                    return m.error(refusal);
                }
            }
        }
        var body = SandboxJson.object().put("error", refusal.getMessage()).put("code", refusal.code);
        return SandboxJson.respond(refusal.status, body);
    }
}
