package dev.omnisync.workspace.web;

import dev.omnisync.workspace.WorkspaceId;
import dev.omnisync.workspace.Workspaces;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the bearer-token filter on /api/* and lets controllers take a {@link WorkspaceId} parameter. */
@Configuration(proxyBeanMethods = false)
class WorkspaceWebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(Workspaces workspaces) {
        var registration = new FilterRegistrationBean<>(new ApiTokenFilter(workspaces));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == WorkspaceId.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                Object workspace = request.getAttribute(ApiTokenFilter.WORKSPACE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (workspace == null) {
                    throw new IllegalStateException("No workspace on a request outside /api; the token filter must run first");
                }
                return workspace;
            }
        });
    }
}
