package dev.omnisync.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts only the sandbox marketplaces in their own Spring Boot context on their own port, for connector
 * tests: {@code try (var sandbox = SandboxServer.start(0)) { ... sandbox.baseUrl("ebay") ... }}.
 */
public final class SandboxServer {

    private SandboxServer() {
    }

    public static Handle start(int port) {
        return start(port, Map.of());
    }

    /** {@code properties} override settings, e.g. {@code omnisync.sandbox.processing-delay=50ms}. */
    public static Handle start(int port, Map<String, Object> properties) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", port);
        props.put("spring.main.banner-mode", "off");
        // Not the app's application.yml when the app is on the classpath: this context has no database.
        props.put("spring.config.name", "omnisync-sandbox");
        props.put("spring.jmx.enabled", false);
        props.put("omnisync.sandbox.enabled", true);
        props.put("spring.servlet.multipart.max-file-size", "30MB");
        props.put("spring.servlet.multipart.max-request-size", "30MB");
        props.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration"));
        props.putAll(properties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxServerApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(props)
                .run();
        int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Handle(actual, context);
    }

    /** A running standalone sandbox. */
    public static final class Handle implements AutoCloseable {
        private final int port;
        private final ConfigurableApplicationContext context;

        Handle(int port, ConfigurableApplicationContext context) {
            this.port = port;
            this.context = context;
        }

        public int port() {
            return port;
        }

        /** {@code http://localhost:<port>/sandbox/<channel>} — the base URL a connector account points at. */
        public String baseUrl(String channel) {
            return "http://localhost:" + port + "/sandbox/" + channel;
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
