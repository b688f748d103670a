package io.opencloud.controlplane.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link AdminAccessInterceptor} in front of every controller. */
@Configuration
public class AdminAccessConfig implements WebMvcConfigurer {

    private final AdminAccessInterceptor interceptor;

    public AdminAccessConfig(AdminAccessInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
    }
}
