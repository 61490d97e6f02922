package io.dc2dc.job.cli;

import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.job.check.ClusterComparison;
import io.dc2dc.job.check.ExpectedStructure;
import io.dc2dc.job.config.JobConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code dc2dc check}: does the destination equal the source? */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "compare the clusters: counts, checksums, differing keys; exit 0 only if equal";
    }

    @Override
    public String help() {
        return """
            Usage: dc2dc check --config FILE [--wait D] [--max-keys N]

            Compares every user collection of the source and destination clusters named in
            the configuration: document count and checksum (over keys, revisions and data)
            on both sides, and for collections where those differ, every document, listing
            the keys that are missing, extra, or differ. The job keeps the source's _rev on
            the destination, so revisions must match too. While replication runs, changes in
            flight show as differences: use --wait, or drain first (switchover).

            Options:
              --config FILE   the replication's configuration (for the endpoints and secrets)
              --wait D        compare again every second until equal or D has passed
              --max-keys N    differing keys to print (default 100)
            """;
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("--config", "--wait", "--max-keys");
    }

    @Override
    public int run(Args args, CliContext ctx) {
        args.expectPositionals(0, "no arguments");
        JobSpec spec = ConfigFile.load(Path.of(args.required("--config")));
        Duration wait = args.duration("--wait", Duration.ZERO);
        int maxKeys = args.positiveInt("--max-keys").orElse(100);
        JobConfig config = spec.validate(1);
        long deadline = System.nanoTime() + wait.toNanos();
        try (ArangoClient source = ArangoClient.connect(config.source().cluster());
                ArangoClient destination = ArangoClient.connect(config.sink().cluster())) {
            while (true) {
                ClusterComparison result =
                        ClusterComparison.compare(
                                source,
                                destination,
                                new ExpectedStructure(
                                        config.source().filter(), config.structure()));
                if (result.equal() || System.nanoTime() > deadline) {
                    ctx.out.print(render(result, maxKeys));
                    return result.equal() ? ExitCode.OK : ExitCode.NOT_IN_SYNC;
                }
                ctx.err.println(
                        "check: "
                                + differing(result)
                                + " collection(s) differ; comparing again ...");
                ctx.pause();
            }
        } catch (ArangoException e) {
            throw CliException.failed("check: " + e.getMessage());
        }
    }

    private static long differing(ClusterComparison result) {
        return result.collections().stream().filter(c -> !c.equal()).count();
    }

    static String render(ClusterComparison result, int maxKeys) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
                new String[] {
                    "COLLECTION",
                    "SOURCE COUNT",
                    "DEST COUNT",
                    "SOURCE CHECKSUM",
                    "DEST CHECKSUM",
                    "RESULT"
                });
        List<String> differences = new ArrayList<>();
        for (ClusterComparison.CollectionResult c : result.collections()) {
            rows.add(
                    new String[] {
                        c.name(),
                        count(c.sourceCount()),
                        count(c.destinationCount()),
                        c.sourceChecksum() == null ? "-" : c.sourceChecksum(),
                        c.destinationChecksum() == null ? "-" : c.destinationChecksum(),
                        c.equal() ? "equal" : c.differences().size() + " difference(s)"
                    });
            differences.addAll(c.differences());
        }
        StringBuilder sb = new StringBuilder(Table.format(rows, Set.of(1, 2)));
        List<String> structure = result.structureDifferences();
        if (!structure.isEmpty()) {
            sb.append("\nstructure differences")
                    .append(
                            structure.size() > maxKeys
                                    ? " (first " + maxKeys + " of " + structure.size() + ")"
                                    : "")
                    .append(":\n");
            structure.stream().limit(maxKeys).forEach(d -> sb.append("  ").append(d).append('\n'));
        }
        if (!differences.isEmpty()) {
            sb.append("\ndifferences")
                    .append(
                            differences.size() > maxKeys
                                    ? " (first " + maxKeys + " of " + differences.size() + ")"
                                    : "")
                    .append(":\n");
            differences.stream()
                    .limit(maxKeys)
                    .forEach(d -> sb.append("  ").append(d).append('\n'));
        }
        long documents =
                result.collections().stream().mapToLong(c -> Math.max(0, c.sourceCount())).sum();
        sb.append('\n')
                .append(
                        result.equal()
                                ? "check: the destination equals the source ("
                                        + result.collections().size()
                                        + " collections, "
                                        + documents
                                        + " documents, structure equal)"
                                : "check: the destination differs from the source ("
                                        + differing(result)
                                        + " of "
                                        + result.collections().size()
                                        + " collections, "
                                        + structure.size()
                                        + " structure items)")
                .append('\n');
        return sb.toString();
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }
}
