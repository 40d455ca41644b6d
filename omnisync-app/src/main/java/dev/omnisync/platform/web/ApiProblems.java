package dev.omnisync.platform.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds the problem details that controllers answer when a request cannot be served. Domain code returns
 * sealed outcomes; controllers turn the unhappy ones into these. {@link ApiErrorHandler} renders them.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://omnisync.dev/problems/" + status.value()));
        return new ErrorResponseException(status, problem, null);
    }

    /** A problem whose body carries extra properties, e.g. the preview of a policy edit with a 428. */
    public static ErrorResponseException withProperty(HttpStatus status, String title, String detail, String name, Object value) {
        ErrorResponseException e = of(status, title, detail);
        e.getBody().setProperty(name, value);
        return e;
    }
}
