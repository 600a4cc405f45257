package org.imagesearch.ledger.command.catalog;

/** The catalog file cannot be used; the ledger refuses to start on it. */
public class MalformedCatalogException extends RuntimeException {

    public MalformedCatalogException(String location, String problem) {
        super("The package catalog " + location + " is malformed: " + problem);
    }
}
