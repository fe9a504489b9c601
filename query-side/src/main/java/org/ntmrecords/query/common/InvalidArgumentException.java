package org.ntmrecords.query.common;

/** A query argument the API does not serve (a page size too large, a foreign cursor). */
public class InvalidArgumentException extends RuntimeException {
    public InvalidArgumentException(String message) {
        super(message);
    }
}
