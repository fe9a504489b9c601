package org.ntmrecords.command.support;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.ntmrecords.command.common.CommandRejectedException;
import org.ntmrecords.command.common.RejectionCode;

/** Matches a command rejection by its code and offending field. */
public final class Rejected {
    private Rejected() {
    }

    public static Matcher<CommandRejectedException> with(RejectionCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.code() == code && (field == null || field.equals(e.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejection " + code + (field == null ? "" : " on " + field));
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException e, Description mismatch) {
                mismatch.appendText("was " + e.code() + " on " + e.field() + ": " + e.getMessage());
            }
        };
    }

    /** By code and field, with a message that says each of {@code words}. */
    public static Matcher<CommandRejectedException> saying(RejectionCode code, String field, String... words) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.code() == code && (field == null || field.equals(e.field()))
                        && java.util.Arrays.stream(words).allMatch(w -> e.getMessage().contains(w));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejection " + code + (field == null ? "" : " on " + field) + " saying "
                        + java.util.Arrays.toString(words));
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException e, Description mismatch) {
                mismatch.appendText("was " + e.code() + " on " + e.field() + ": " + e.getMessage());
            }
        };
    }

    public static Matcher<CommandRejectedException> with(RejectionCode code) {
        return with(code, null);
    }
}
