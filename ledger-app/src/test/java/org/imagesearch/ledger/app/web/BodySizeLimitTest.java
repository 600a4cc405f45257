package org.imagesearch.ledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link BodySizeLimit} lets through, unread or read, and what it refuses. */
class BodySizeLimitTest {

    private final BodySizeLimit limit = new BodySizeLimit(DataSize.ofBytes(16),
            Jackson2ObjectMapperBuilder.json().build());

    @Test
    void aRequestWithNeitherALengthNorATransferEncodingHasNoBodyAndPassesOnUnread() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/v1/instances/i-1");
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(get, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(get);
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheHandlerWhole() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(chunked("{\"a\":1}"), response, chain);

        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(passed.getContentLengthLong()).isEqualTo(7);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndReachesNoHandler() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(chunked("x".repeat(17)), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/v1/instances");
        post.setContent("x".repeat(17).getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(post, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(post.getInputStream().available()).isEqualTo(17);
        assertThat(chain.getRequest()).isNull();
    }

    /** A POST whose body comes chunked: a {@code Transfer-Encoding} and no declared length. */
    private static HttpServletRequest chunked(String body) {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/v1/instances");
        post.addHeader("Transfer-Encoding", "chunked");
        post.setContent(body.getBytes(StandardCharsets.UTF_8));
        return new HttpServletRequestWrapper(post) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }
}
