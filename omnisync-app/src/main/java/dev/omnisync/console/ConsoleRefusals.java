package dev.omnisync.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Shows the console's refusals as messages on the page (the API's handler answers problem details, which a
 * person should not have to read). htmx requests get the message alone, to put where the action was.
 */
@ControllerAdvice(basePackageClasses = ConsoleRefusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleRefusals {

    @ExceptionHandler(IllegalArgumentException.class)
    String refused(IllegalArgumentException e, HttpServletRequest request, Model model) {
        return show(e.getMessage(), request, model);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request, Model model) {
        return show("'" + e.getName() + "' has a value that is not understood: '" + e.getValue() + "'.", request, model);
    }

    @ExceptionHandler(PageNotFound.class)
    String notFound(PageNotFound e, HttpServletRequest request, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(404);
        return show(e.getMessage(), request, model);
    }

    private static String show(String message, HttpServletRequest request, Model model) {
        model.addAttribute("message", message);
        return request.getHeader("HX-Request") != null ? "console/fragments :: refusal" : "console/refusal";
    }

    /** A page about something the workspace does not have. */
    static final class PageNotFound extends RuntimeException {
        PageNotFound(String message) {
            super(message);
        }
    }
}
