package org.ntmrecords.command.common;

import java.util.List;

/** The result of sending one command: what it returned, or why it was refused (nothing stored then). */
public record Outcome<R>(R result, List<UserError> errors) {
    public static <R> Outcome<R> ok(R result) {
        return new Outcome<>(result, List.of());
    }

    public static <R> Outcome<R> rejected(UserError error) {
        return new Outcome<>(null, List.of(error));
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
