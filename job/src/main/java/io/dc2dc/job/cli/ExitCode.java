package io.dc2dc.job.cli;

/**
 * The exit codes of every {@code dc2dc} subcommand, the same for all of them so that scripts can
 * branch on them without knowing which command ran.
 */
public final class ExitCode {

    /** Done; for {@code status}: healthy; for {@code check}: the clusters are equal. */
    public static final int OK = 0;

    /** {@code status}: lagging or still in initial sync; {@code check}: the clusters differ. */
    public static final int NOT_IN_SYNC = 1;

    /** Bad command line or configuration (the message names the option or key). */
    public static final int USAGE = 2;

    /**
     * Something failed or cannot be reached: Flink, a cluster, a savepoint, a job that is not
     * running, or a refusal because of the clusters' state (a job already runs, read-only).
     */
    public static final int FAILED = 3;

    private ExitCode() {}

    /** The table printed by every command's {@code --help}. */
    static final String HELP =
            """
            Exit codes:
              0  ok (status: healthy; check: equal)
              1  status: lagging or in initial sync; check: the clusters differ
              2  usage or configuration error
              3  failed or unreachable (Flink, a cluster, a savepoint), no running job,
                 or refused because of the clusters' state
            """;
}
