package io.dc2dc.job.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dc2dc} command: start, watch, stop, resume, rescale and abort the replication job on a
 * Flink session cluster (through Flink's REST API), compare the two clusters, and switch their
 * roles. Run it through {@code scripts/dc2dc}. Exit codes: {@link ExitCode}.
 */
public final class Dc2dcCli {

    private static final List<Command> COMMANDS =
            List.of(
                    new StartCommand(),
                    new StatusCommand(),
                    new StopCommand(),
                    new ResumeCommand(),
                    new RescaleCommand(),
                    new AbortCommand(),
                    new CheckCommand(),
                    new SwitchoverCommand());

    private Dc2dcCli() {}

    public static void main(String[] args) {
        CliContext ctx =
                new CliContext(
                        System.out,
                        System.err,
                        System.getenv(),
                        Clock.systemUTC(),
                        Duration.ofMillis(500),
                        FlinkRest::new);
        int code = run(args, ctx);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code (never calls {@code System.exit}). */
    static int run(String[] argv, CliContext ctx) {
        if (argv.length == 0) {
            ctx.err.print(overview());
            return ExitCode.USAGE;
        }
        String name = argv[0];
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        if (name.equals("-h") || name.equals("--help")) {
            ctx.out.print(overview());
            return ExitCode.OK;
        }
        if (name.equals("help")) {
            if (rest.length == 0) {
                ctx.out.print(overview());
                return ExitCode.OK;
            }
            name = rest[0];
            rest = new String[] {"--help"};
        }
        Command command = commands().get(name);
        if (command == null) {
            ctx.err.println("dc2dc: unknown command '" + name + "'\n");
            ctx.err.print(overview());
            return ExitCode.USAGE;
        }
        try {
            Set<String> valueOptions = new HashSet<>(command.valueOptions());
            valueOptions.addAll(Command.GLOBAL_VALUE_OPTIONS);
            Args args = Args.parse(rest, valueOptions, command.flagOptions());
            if (args.flag("--help")) {
                ctx.out.print(fullHelp(command));
                return ExitCode.OK;
            }
            ctx.applyGlobalOptions(args);
            return command.run(args, ctx);
        } catch (CliException e) {
            ctx.err.println("dc2dc " + name + ": " + e.getMessage());
            if (e.exitCode() == ExitCode.USAGE && e.getCause() == null) {
                ctx.err.println("(dc2dc " + name + " --help shows the options)");
            }
            debug(ctx, e);
            return e.exitCode();
        } catch (Exception e) {
            ctx.err.println("dc2dc " + name + ": failed: " + e);
            debug(ctx, e);
            return ExitCode.FAILED;
        }
    }

    private static void debug(CliContext ctx, Exception e) {
        if (ctx.env.containsKey("DC2DC_DEBUG")) {
            e.printStackTrace(ctx.err);
        }
    }

    static Map<String, Command> commands() {
        Map<String, Command> byName = new LinkedHashMap<>();
        COMMANDS.forEach(c -> byName.put(c.name(), c));
        return byName;
    }

    static String fullHelp(Command command) {
        return command.help() + "\n" + Command.GLOBAL_HELP + "\n" + ExitCode.HELP;
    }

    static String overview() {
        StringBuilder sb =
                new StringBuilder(
                        "Usage: dc2dc COMMAND [OPTIONS]   (dc2dc COMMAND --help for details)\n\n"
                                + "Runs and watches the dc2dc replication job on a Flink session"
                                + " cluster.\n\nCommands:\n");
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-11s %s%n", c.name(), c.summary()));
        }
        sb.append('\n').append(Command.GLOBAL_HELP).append('\n').append(ExitCode.HELP);
        return sb.toString();
    }
}
