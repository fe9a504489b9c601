package org.ntmrecords.infra.axon;

import java.util.concurrent.Callable;
import org.ntmrecords.command.common.SystemTasks;

/** Runs a process's work as the system task it names, under the correlation id of the event it reacts to. */
public class ActingSystemTasks implements SystemTasks {
    @Override
    public <T> T run(String task, String correlationId, Callable<T> work) throws Exception {
        return ActingAs.call(new ActingAs.Context(Actor.system(task), correlationId), work);
    }
}
