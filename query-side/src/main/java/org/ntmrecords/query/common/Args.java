package org.ntmrecords.query.common;

/** Query arguments: text containing NUL (which PostgreSQL cannot hold) is a bad request, not a server error. */
public final class Args {
    private Args() {
    }

    public static String text(String name, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidArgumentException(QueryText.of("args.nul", name));
        }
        return value == null ? null : value.strip();
    }
}
