package io.dc2dc.job.cli;

import java.util.Set;

/** One {@code dc2dc} subcommand: its options, its help text, and what it does. */
interface Command {

    /** Options every command accepts. */
    Set<String> GLOBAL_VALUE_OPTIONS = Set.of("--flink", "--state-dir");

    String GLOBAL_HELP =
            """
            Common options:
              --flink URL       Flink REST API (default $DC2DC_FLINK_URL or http://localhost:8081)
              --state-dir DIR   where job ids and savepoints are remembered
                                (default $DC2DC_STATE_DIR or run/dc2dc)
              -h, --help        this help
            """;

    String name();

    /** One line for the command overview. */
    String summary();

    /** The full help: usage line, description, options (exit codes and common options follow). */
    String help();

    /** Options that take a value, besides the global ones. */
    Set<String> valueOptions();

    /** Switches, besides {@code --help}. */
    default Set<String> flagOptions() {
        return Set.of();
    }

    /** Runs the command; returns the exit code or throws {@link CliException}. */
    int run(Args args, CliContext ctx) throws Exception;
}
