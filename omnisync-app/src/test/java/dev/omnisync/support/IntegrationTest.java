package dev.omnisync.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring test against the embedded PostgreSQL, served on a random port. Every such test uses the same
 * settings, so one context (and one database) serves them all; tests isolate themselves by working in
 * workspaces of their own ({@link ApiClient#newWorkspace}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omnisync.data-dir=target/it-data/${random.uuid}",
        "omnisync.api-token=it-default-workspace-token",
        "logging.file.name=",
        // order polling is driven by the tests (POST /api/orders/poll) so that injected sandbox faults hit the poll meant
        "omnisync.orders.polling-enabled=false"
})
public @interface IntegrationTest {
}
