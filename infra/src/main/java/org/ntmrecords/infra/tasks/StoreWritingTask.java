package org.ntmrecords.infra.tasks;

/**
 * A task that writes to the event store or checks its hash chain: a query replica refuses it, its store being a
 * copy of the topic (with no chain of its own).
 */
public interface StoreWritingTask {
}
