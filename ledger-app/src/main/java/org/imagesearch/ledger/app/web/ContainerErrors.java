package org.imagesearch.ledger.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Problems raised outside the controllers answer in {@code application/problem+json} too: those of
 * the servlet container's own checks (a malformed URL, say) and anything that reaches {@code /error}.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    /**
     * An encoded slash in an id reaches the id's own check (400 VALIDATION) instead of being
     * rejected by Tomcat with an HTML page; Tomcat's last-resort error page is JSON as well.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatProblems() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        };
    }

    /** Tomcat's error report, as a problem document. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String code = status == 404 ? "NOT_FOUND" : status < 500 ? "VALIDATION" : "INTERNAL_ERROR";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"https://ledger.imagesearch.example/problems/" + code.toLowerCase()
                            .replace('_', '-') + "\",\"title\":\"" + HttpStatus.valueOf(status).getReasonPhrase()
                            + "\",\"status\":" + status + ",\"detail\":\"the request was refused before it reached"
                            + " the ledger\",\"code\":\"" + code + "\"}");
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more to say
            }
        }
    }

    /** Whatever reaches Spring Boot's {@code /error} (a failure in a filter, say). */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
            if (status == null || !status.isError()) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            String problem = status == HttpStatus.NOT_FOUND ? "NOT_FOUND"
                    : status == HttpStatus.PAYLOAD_TOO_LARGE ? "PAYLOAD_TOO_LARGE"
                    : status.is4xxClientError() ? "VALIDATION" : "INTERNAL_ERROR";
            return ApiProblems.problem(status, problem, status.is4xxClientError()
                    ? "the request was refused" : "the ledger could not answer", null);
        }
    }
}
