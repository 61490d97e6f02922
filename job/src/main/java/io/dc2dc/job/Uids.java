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

    /**
     * The source's uid in generation {@code generation} of a replication ({@code sync.generation}):
     * {@link #SOURCE} at first, a new one after each switchover, so that the reverse job restores
     * the ordering state from the switchover savepoint but not the old source's positions.
     */
    public static String source(int generation) {
        return generation == 0 ? SOURCE : SOURCE + "-g" + generation;
    }
}
