package org.ntmrecords.infra.axon;

/**
 * Who sends a command: a user name (or system task name), the role it acts in, and for roles with a
 * jurisdiction the unit (and agency) it acts for.
 */
public record Actor(String name, String role, String unitCode, String agencyId) {
    public static Actor system(String task) {
        return new Actor("system:" + task, "SYSTEM", null, null);
    }
}
