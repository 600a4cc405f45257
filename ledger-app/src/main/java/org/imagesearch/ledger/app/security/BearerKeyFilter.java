package org.imagesearch.ledger.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.imagesearch.ledger.app.config.MessageMetadataConfiguration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <key>} against the configured keys. A request without
 * the header goes on unauthenticated (and is refused where a role is needed); a wrong key is refused
 * at once. The caller's name ({@code role:keyId}) is kept for the metadata of the events it causes.
 */
public class BearerKeyFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint unauthenticated;

    public BearerKeyFilter(ApiKeys keys, AuthenticationEntryPoint unauthenticated) {
        this.keys = keys;
        this.unauthenticated = unauthenticated;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Key> key = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? keys.match(header.substring(PREFIX.length()).trim())
                : Optional.empty();
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            unauthenticated.commence(request, response, new BadCredentialsException("unknown key"));
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(key.get().caller(), null,
                List.of(new SimpleGrantedAuthority(key.get().role().authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        request.setAttribute(MessageMetadataConfiguration.CALLER_ATTRIBUTE, key.get().caller());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
