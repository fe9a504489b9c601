package org.ntmrecords.command.common;

import java.util.concurrent.Callable;

/**
 * Runs work on behalf of a named task of the service itself, so that the commands it sends carry that task as
 * their actor and the given correlation id (for a process reacting to an event: the event's own).
 */
public interface SystemTasks {
    <T> T run(String task, String correlationId, Callable<T> work) throws Exception;
}
