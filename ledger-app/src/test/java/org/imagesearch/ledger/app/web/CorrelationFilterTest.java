package org.imagesearch.ledger.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request without a usable correlation id gets a new one of its own, made as the ledger's message
 * identifiers are (a version 7 UUID); a usable one is kept.
 */
class CorrelationFilterTest {

    private final CorrelationFilter filter = new CorrelationFilter();

    @Test
    void aRequestWithoutACorrelationIdGetsANewOneNeverMadeBefore() throws Exception {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = correlationIdFor(null);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            made.add(id);
        }
        assertThat(made).hasSize(10_000);
    }

    @Test
    void aUsableCorrelationIdIsKeptAndAnUnusableOneReplaced() throws Exception {
        assertThat(correlationIdFor("order-42:retry.1")).isEqualTo("order-42:retry.1");
        assertThat(UUID.fromString(correlationIdFor("not a token")).version()).isEqualTo(7);
    }

    private String correlationIdFor(String given) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/catalog");
        if (given != null) {
            request.addHeader(CorrelationFilter.HEADER, given);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(request.getAttribute(CorrelationFilter.ATTRIBUTE)).isEqualTo(response.getHeader(CorrelationFilter.HEADER));
        return response.getHeader(CorrelationFilter.HEADER);
    }
}
