package dev.omnisync.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every channel API call under {@code /sandbox/{ch}/} (not {@code _control}): counts it, applies
 * the channel-wide rate limit and the injected request faults, and afterwards counts refusals by status.
 */
final class SandboxGate extends OncePerRequestFilter {

    /** Request attribute: the status of a refusal as the sandbox meant it (before the channel's formatting). */
    static final String REFUSAL_STATUS = SandboxGate.class.getName() + ".refusal";

    private final ObjectProvider<List<SandboxMarketplace>> marketplaces;
    private final SandboxSettings settings;

    SandboxGate(ObjectProvider<List<SandboxMarketplace>> marketplaces, SandboxSettings settings) {
        this.marketplaces = marketplaces;
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // /sandbox/{slug}/{rest}
        String[] parts = path.split("/", 4);
        Optional<SandboxMarketplace> found = parts.length < 3 ? Optional.empty()
                : marketplaces.getObject().stream().filter(m -> m.slug().equals(parts[2])).findFirst();
        String rest = parts.length > 3 ? "/" + parts[3] : "/";
        if (found.isEmpty() || rest.startsWith("/_control")) {
            chain.doFilter(request, response);
            return;
        }
        SandboxMarketplace marketplace = found.get();
        SandboxStats stats = marketplace.stats();
        stats.requests.incrementAndGet();
        try {
            marketplace.channelWideLimit();
            if (!marketplace.isAuthPath(rest)) {
                applyFault(marketplace);
            }
        } catch (SandboxRefusal refusal) {
            count(stats, refusal.status);
            write(response, marketplace.error(refusal));
            return;
        }
        CountingResponse counting = new CountingResponse(request, response, stats);
        chain.doFilter(request, counting);
        counting.countOnce();
    }

    private void applyFault(SandboxMarketplace marketplace) {
        Optional<Fault> fault = marketplace.faults().nextRequestFault();
        if (fault.isEmpty()) {
            return;
        }
        Fault f = fault.get();
        switch (f.type) {
            case HTTP_429 -> throw marketplace.rateLimited(new SandboxRateLimiter.Take(false, 1000, 1, 0));
            case HTTP_500 -> throw new SandboxRefusal(500, SandboxRefusal.Kind.SERVER, "INTERNAL",
                    "Internal error (injected by the sandbox)");
            case TIMEOUT -> {
                sleep(f.millis != null ? f.millis : settings.timeout().toMillis());
                throw new SandboxRefusal(504, SandboxRefusal.Kind.TIMEOUT, "TIMEOUT",
                        "Gateway timeout (injected by the sandbox); nothing was applied");
            }
            case SLOW -> sleep(f.millis != null ? f.millis : settings.slow().toMillis());
            case REJECT_SKU -> { }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void count(SandboxStats stats, int status) {
        if (status == 429) {
            stats.rateLimited.incrementAndGet();
        } else if (status >= 400) {
            stats.rejectedRequests.incrementAndGet();
        }
    }

    /**
     * Counts the answer when its body starts (before the client can read it and ask for the stats), or at the
     * end for bodiless answers.
     */
    private static final class CountingResponse extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private final SandboxStats stats;
        private boolean counted;

        CountingResponse(HttpServletRequest request, HttpServletResponse response, SandboxStats stats) {
            super(response);
            this.request = request;
            this.stats = stats;
        }

        synchronized void countOnce() {
            if (!counted) {
                counted = true;
                Object refused = request.getAttribute(REFUSAL_STATUS);
                count(stats, refused instanceof Integer status ? status : getStatus());
            }
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            countOnce();
            return super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            countOnce();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            countOnce();
            super.flushBuffer();
        }
    }

    static void write(HttpServletResponse response, ResponseEntity<String> entity) throws IOException {
        response.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (entity.getBody() != null) {
            response.getOutputStream().write(entity.getBody().getBytes(StandardCharsets.UTF_8));
        }
    }
}
