package org.imagesearch.ledger.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.stream.Collectors;

/** Says what is wrong with an unreadable body in the caller's terms: a field name, never a class name. */
final class BodyProblems {

    private BodyProblems() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof LedgerRejection rejection) {
            return rejection.getMessage();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + unknown.getPropertyName();
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String path = path((JsonMappingException) cause);
            return path.isEmpty() ? "the body must be a JSON object" : "field " + path + " has the wrong type or value";
        }
        if (cause instanceof JsonParseException parse) {
            String message = parse.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                return "a field appears twice";
            }
            return "the body is not valid JSON";
        }
        if (cause instanceof JsonMappingException mapping) {
            String path = path(mapping);
            return path.isEmpty() ? "the body cannot be read" : "field " + path + " cannot be read";
        }
        return "a JSON body is required";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
