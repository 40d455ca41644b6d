package dev.omnisync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards the console's pages with the session made at sign-in. Only the console's own paths are guarded, so
 * {@code /api/**} (bearer tokens), sandboxes, webhooks, actuator and the OpenAPI pages are untouched.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final List<String> PAGES = List.of("/", "/products", "/products/**", "/listings", "/listings/**", "/policies",
            "/policies/**", "/orders", "/orders/**", "/accounts", "/accounts/**");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(SignedIn.SESSION_ATTRIBUTE) != null) {
                    return true;
                }
                if (request.getHeader("HX-Request") != null) {
                    // htmx swaps fragments; tell it to load the sign-in page as a whole instead
                    response.setHeader("HX-Redirect", "/login");
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect("/login");
                }
                return false;
            }
        }).addPathPatterns(PAGES);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == SignedIn.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
                HttpSession session = servlet == null ? null : servlet.getSession(false);
                Object signedIn = session == null ? null : session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
                if (signedIn == null) {
                    throw new IllegalStateException("console page reached without a session; the interceptor must run first");
                }
                return signedIn;
            }
        });
    }
}
