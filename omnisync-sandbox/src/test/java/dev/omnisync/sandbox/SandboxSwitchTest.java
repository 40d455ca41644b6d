package dev.omnisync.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code omnisync.sandbox.enabled=false} leaves no sandbox bean at all (production turns the sandboxes off). */
class SandboxSwitchTest {

    private static List<String> sandboxBeans(boolean enabled) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SandboxServerApplication.class)
                .web(WebApplicationType.NONE)
                .properties("omnisync.sandbox.enabled=" + enabled, "spring.main.banner-mode=off", "spring.config.name=omnisync-sandbox")
                .run()) {
            return Arrays.stream(ctx.getBeanDefinitionNames())
                    .filter(name -> {
                        Class<?> type = ctx.getType(name);
                        return type != null && type.getPackageName().startsWith("dev.omnisync.sandbox")
                                && type != SandboxServerApplication.class;
                    }).toList();
        }
    }

    @Test
    void everySandboxBeanFollowsTheSwitch() {
        assertEquals(List.of(), sandboxBeans(false));
        List<String> on = sandboxBeans(true);
        assertTrue(on.size() >= 10, "expected the sandboxes when enabled, got " + on);
    }
}
