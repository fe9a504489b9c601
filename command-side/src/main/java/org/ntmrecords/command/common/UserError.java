package org.ntmrecords.command.common;

/** A typed error returned in a mutation payload: what was wrong, with which input field, in words. */
public record UserError(RejectionCode code, String field, String message) {
    public static UserError of(CommandRejectedException e) {
        return new UserError(e.code(), e.field(), e.getMessage());
    }
}
