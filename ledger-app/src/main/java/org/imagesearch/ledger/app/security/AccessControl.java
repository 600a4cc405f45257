package org.imagesearch.ledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.imagesearch.ledger.app.web.ApiProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Who may do what. Callers present {@code Authorization: Bearer <key>}; keys come from
 * {@code LEDGER_API_KEYS="role:key,..."} (property {@code ledger.api-keys}).
 *
 * <ul>
 *   <li>{@code service}: commands and payments, quotes, and every read;</li>
 *   <li>{@code auditor}: every read, the audit trail and as-of reads included, and nothing else;</li>
 *   <li>{@code operator}: everything, and replays, the test clock and custom quotes besides.</li>
 * </ul>
 * Without a key every endpoint but health answers 401; a known key with too little right, 403.
 */
@Configuration(proxyBeanMethods = false)
public class AccessControl {

    private static final String SERVICE = Role.SERVICE.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String OPERATOR = Role.OPERATOR.name();

    @Bean
    public ApiKeys apiKeys(@Value("${ledger.api-keys:}") String configured,
                           @Value("${ledger.data-dir}") Path dataDir) {
        ApiKeys keys = ApiKeys.parse(configured);
        return keys.isEmpty()
                ? keys.with(ApiKeys.key(Role.OPERATOR, GeneratedOperatorKey.loadOrCreate(dataDir)))
                : keys;
    }

    @Bean
    public SecurityFilterChain ledgerSecurity(HttpSecurity http, ApiKeys keys, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(json, request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "send a known key as 'Authorization: Bearer <key>'");
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> write(json, request, response,
                HttpStatus.FORBIDDEN, "FORBIDDEN", "this key's role may not do this");
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .addFilterBefore(new BearerKeyFilter(keys, unauthenticated), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/custom-quotes").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/**").hasAnyRole(SERVICE, OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/quotes/**").hasAnyRole(SERVICE, OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(SERVICE, AUDITOR, OPERATOR)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole(SERVICE, AUDITOR, OPERATOR)
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * No observation of the filter chain, authentications or authorizations. Switched off by
     * {@code management.observations.enable}, they still wrapped each of the chain's filters in a
     * no-op observation on every request; without this bean the chain is not wrapped at all.
     */
    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The rules' paths matched as path patterns, on the request's path alone (Spring Security 6.5's
     * opt-in, its default from 7.0). Otherwise each {@code requestMatchers(String)} is an MVC matcher,
     * which asks Spring MVC's handler mappings which handler the request goes to: a second lookup of
     * the handler on every request, beside the dispatcher's own.
     */
    @Bean
    public PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Spring Security's chain without the handler lookup it puts before it ({@link SecurityChainWithoutHandlerLookup}). */
    @Bean
    static BeanDefinitionRegistryPostProcessor securityChainWithoutHandlerLookup() {
        return new SecurityChainWithoutHandlerLookup();
    }

    /** No user names and passwords here: keeps Spring Boot from making up a default user. */
    @Bean
    public UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = ApiProblems.problem(status, code, detail, request).getBody();
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
