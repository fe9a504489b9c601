package org.ntmrecords.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's payload shape. Absent means revision "1". Bumped only for a breaking change,
 * together with an upcaster from the previous revision.
 *
 * <p>Kept in this module (rather than using a framework annotation) so that the event contract does not
 * depend on the framework that stores it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    String value();
}
