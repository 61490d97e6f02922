package io.dc2dc.job.cli;

/**
 * A failure meant for the operator: one message that says what went wrong and what to check, and
 * the exit code the command ends with ({@link ExitCode}).
 */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    static CliException failed(String message) {
        return new CliException(ExitCode.FAILED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
