package io.dc2dc.emulator.http;

/** The kind of cluster node an endpoint plays; decides which routes it serves. */
public enum ServerRole {
    COORDINATOR("COORDINATOR", "Coordinator", "CRDN-"),
    DBSERVER("PRIMARY", "DBServer", "PRMR-");

    private final String roleName;
    private final String healthRole;
    private final String idPrefix;

    ServerRole(String roleName, String healthRole, String idPrefix) {
        this.roleName = roleName;
        this.healthRole = healthRole;
        this.idPrefix = idPrefix;
    }

    /** As in {@code /_admin/server/role} and {@code /_api/version?details=true}. */
    public String roleName() {
        return roleName;
    }

    /** As in {@code /_admin/cluster/health} ("DBServer", "Coordinator"). */
    public String healthRole() {
        return healthRole;
    }

    public String idPrefix() {
        return idPrefix;
    }
}
