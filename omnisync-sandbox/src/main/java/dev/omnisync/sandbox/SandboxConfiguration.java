package dev.omnisync.sandbox;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The sandbox's shared beans, all off when {@code omnisync.sandbox.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@SandboxEnabled
public class SandboxConfiguration {

    @Bean
    SandboxSettings sandboxSettings(Environment env) {
        return new SandboxSettings(env);
    }

    @Bean(destroyMethod = "close")
    NotificationSender sandboxNotificationSender() {
        return new NotificationSender();
    }

    @Bean
    FilterRegistrationBean<SandboxGate> sandboxGate(ObjectProvider<List<SandboxMarketplace>> marketplaces,
            SandboxSettings settings) {
        var registration = new FilterRegistrationBean<>(new SandboxGate(marketplaces, settings));
        registration.addUrlPatterns("/sandbox/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
