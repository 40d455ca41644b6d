package dev.omnisync.sandbox;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Primary source of the standalone sandbox context ({@link SandboxServer}). Deliberately neither
 * {@code @Configuration} nor {@code @Component}: the app's own component scan must not pick it up.
 */
@EnableAutoConfiguration
@ComponentScan("dev.omnisync.sandbox")
public class SandboxServerApplication {
}
