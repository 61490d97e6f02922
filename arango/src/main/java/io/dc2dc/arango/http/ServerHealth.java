package io.dc2dc.arango.http;

/**
 * One server of {@code GET /_admin/cluster/health}.
 *
 * <pre>ServerHealth("DBServer", "http://10.0.0.5:8530", "GOOD")</pre>
 *
 * @param role {@code DBServer}, {@code Coordinator} or {@code Agent} (the casing arangod uses)
 * @param endpoint base URL, {@code tcp://} turned into {@code http://} and {@code ssl://} into
 *     {@code https://}; null if the server reported none
 * @param status {@code GOOD}, {@code BAD} (one missed heartbeat) or {@code FAILED}
 */
public record ServerHealth(String role, String endpoint, String status) {

    /** True for DB-servers. */
    public boolean isDbServer() {
        return "DBServer".equalsIgnoreCase(role);
    }

    /** True for coordinators. */
    public boolean isCoordinator() {
        return "Coordinator".equalsIgnoreCase(role);
    }

    /** True if the status is {@code GOOD}. */
    public boolean isGood() {
        return "GOOD".equals(status);
    }

    /** Turns an arangod endpoint ({@code tcp://h:p}, {@code ssl://h:p}) into a base URL. */
    static String toUrl(String arangoEndpoint) {
        if (arangoEndpoint == null || arangoEndpoint.isEmpty()) {
            return null;
        }
        if (arangoEndpoint.startsWith("tcp://")) {
            return "http://" + arangoEndpoint.substring(6);
        }
        if (arangoEndpoint.startsWith("ssl://")) {
            return "https://" + arangoEndpoint.substring(6);
        }
        return arangoEndpoint;
    }
}
