package io.opencloud.controlplane.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP API as an OAuth 2 resource server: a bearer token, when sent, must be valid (else 401, whatever the
 * endpoint); which endpoints need one, and with which role, is each endpoint's own rule ({@link AccessInterceptor}).
 * The actuator is guarded here, since it has no controllers of ours: health is open (its details only for platform
 * admins), everything else needs a platform admin. No session and no CSRF token: every request carries its token.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, TokenCallers callers, ProblemEntryPoint problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasAuthority(CallerAuthentication.PLATFORM_ADMIN)
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
