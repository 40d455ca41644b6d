package dev.omnisync.channel.wire;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends requests with Spring's {@link RestClient} on the JDK HttpClient, never throwing for an HTTP status: the
 * caller classifies every answer. Server errors (5xx) and timeouts are retried with exponential backoff up to
 * {@link TransportSettings#maxAttempts()} tries; what is left after that is returned (or thrown as
 * {@link WireFailure}) for the caller to turn into a RetryLater.
 */
public final class Transport {

    private final RestClient rest;
    private final TransportSettings settings;
    private final RetryConfig retryConfig;

    public Transport(TransportSettings settings) {
        this.settings = settings;
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.retryConfig = RetryConfig.<WireResponse>custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0, settings.maxBackoff()))
                .retryOnResult(WireResponse::isServerError)
                .retryExceptions(WireFailure.class)
                .build();
    }

    public TransportSettings settings() {
        return settings;
    }

    /**
     * One request, retried on 5xx and timeouts. The counter is told about every try.
     *
     * @param body raw bytes sent as they are (signatures are computed over them), or null
     */
    public WireResponse send(HttpMethod method, URI uri, HttpHeaders headers, byte[] body, Runnable onTry) {
        Supplier<WireResponse> once = () -> {
            onTry.run();
            return sendOnce(method, uri, headers, body);
        };
        Retry retry = Retry.of("wire", retryConfig);
        return Retry.decorateSupplier(retry, once).get();
    }

    /** One request, exactly one try (for calls whose repetition the caller controls, e.g. feed submissions). */
    public WireResponse sendOnce(HttpMethod method, URI uri, HttpHeaders headers, byte[] body) {
        try {
            RestClient.RequestBodySpec spec = rest.method(method).uri(uri).headers(h -> h.addAll(headers));
            if (body != null) {
                spec.body(body);
            }
            return spec.exchange((request, response) -> new WireResponse(response.getStatusCode().value(),
                    HttpHeaders.readOnlyHttpHeaders(response.getHeaders()), response.getBody().readAllBytes()), true);
        } catch (RestClientException e) {
            throw new WireFailure(method + " " + uri.getPath() + " failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
