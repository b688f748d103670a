package io.opencloud.controlplane.access;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link AccessInterceptor} in front of every controller and {@link AuditTrail} behind it, and lets handlers take
 * their {@link Caller}.
 */
@Configuration
@EnableConfigurationProperties(AuthProperties.class)
public class AccessConfig implements WebMvcConfigurer {

    private final AccessInterceptor access;
    private final AuditTrail audit;
    private final CallerArgumentResolver callers;

    public AccessConfig(AccessInterceptor access, AuditTrail audit, CallerArgumentResolver callers) {
        this.access = access;
        this.audit = audit;
        this.callers = callers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access);
        registry.addInterceptor(audit);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
