package org.imagesearch.ledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457) with a stable {@code code}. Nothing
 * of the server's insides (class names, stack traces, parser messages) reaches the caller.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(LedgerRejection.class)
    ResponseEntity<ProblemDetail> rejected(LedgerRejection rejection, HttpServletRequest request) {
        HttpStatus status = switch (rejection.code().kind()) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return problem(status, rejection.code().name(), rejection.getMessage(), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownInstance(AggregateNotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, RejectionCode.NOT_FOUND.name(),
                "No instance " + e.getAggregateIdentifier(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "the ledger could not answer; nothing was recorded unless a later read shows it", request);
    }

    /** Spring MVC's own refusals (bad bodies, parameters, media types, methods, paths), with our codes. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = request instanceof ServletWebRequest web ? web.getRequest() : null;
        ResponseEntity<ProblemDetail> problem = problem(status, codeOf(ex, status), detailOf(ex, status),
                servletRequest);
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.putAll(problem.getHeaders());
        return ResponseEntity.status(status).headers(merged).body(problem.getBody());
    }

    private static String codeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException || status.value() == 404) {
            return RejectionCode.NOT_FOUND.name();
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        }
        if (status.value() == 413) {
            return "PAYLOAD_TOO_LARGE";
        }
        return status.is4xxClientError() ? RejectionCode.VALIDATION.name() : "INTERNAL_ERROR";
    }

    private static String detailOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return BodyProblems.describe(unreadable);
        }
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return "parameter " + mismatch.getName() + " has the wrong type or is out of range";
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return (mismatch.getPropertyName() == null ? "a value" : mismatch.getPropertyName())
                    + " has the wrong type or is out of range";
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return "parameter " + missing.getParameterName() + " is required";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "send the body as application/json";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "the ledger answers application/json";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
            return unsupported.getMethod() + " is not allowed here";
        }
        if (ex instanceof NoResourceFoundException) {
            return "no such resource";
        }
        return status.is4xxClientError() ? "the request was refused" : "the ledger could not answer";
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String detail,
                                                 HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ledger.imagesearch.example/problems/" + code.toLowerCase()
                .replace('_', '-')));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status.value() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.body(problem);
    }

    private static String title(String code) {
        String words = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
