package io.dc2dc.job;

/**
 * The stable operator uids of the job. A released uid never changes: savepoints map state to
 * operators by these.
 */
public final class Uids {
    public static final String SOURCE = "dc2dc-source";
    public static final String ORDERING = "dc2dc-ordering";
    public static final String SINK = "dc2dc-sink";

    private Uids() {}
}
