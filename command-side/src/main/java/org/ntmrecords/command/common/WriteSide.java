package org.ntmrecords.command.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A component that writes to the event store on its own (processes that send commands, start-up loaders,
 * schedules): registered unless the process is a query replica ({@code ntm.deployment.role=query}), whose
 * event store is a copy fed from the event topic and must receive nothing else.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(WriteSideCondition.class)
public @interface WriteSide {
}
