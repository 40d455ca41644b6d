package dev.omnisync.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Every sandbox bean carries this: the app's component scan (base package {@code dev.omnisync}) finds the
 * sandbox classes, and a production deployment turns them all off with {@code omnisync.sandbox.enabled=false}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "omnisync.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public @interface SandboxEnabled {
}
