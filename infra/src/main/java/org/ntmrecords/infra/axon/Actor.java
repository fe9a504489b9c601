package org.ntmrecords.infra.axon;

/** Who sends a command: a user name (or system task name) and the role it acts in. */
public record Actor(String name, String role) {
    public static Actor system(String task) {
        return new Actor("system:" + task, "SYSTEM");
    }
}
