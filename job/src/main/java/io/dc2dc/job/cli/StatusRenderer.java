package io.dc2dc.job.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/** Renders a {@link StatusReport} as a text table with progress bars, or as one JSON document. */
final class StatusRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int BAR_WIDTH = 20;
    private static final String[] HEADER = {
        "DATABASE",
        "COLLECTION",
        "SHARD",
        "PHASE",
        "LAG",
        "LAG TICKS",
        "DOCS COPIED",
        "BYTES",
        "INITIAL SYNC",
        "RESYNCS"
    };
    // right-aligned columns: the numbers
    private static final Set<Integer> RIGHT_ALIGNED = Set.of(4, 5, 6, 7, 9);

    private StatusRenderer() {}

    static String table(StatusReport r, double maxLagSeconds) {
        StringBuilder sb = new StringBuilder();
        FlinkApi.JobDetails job = r.job();
        StatusReport.Verdict verdict = r.verdict(maxLagSeconds);
        sb.append("job        ")
                .append(job.id())
                .append(" \"")
                .append(job.name())
                .append("\" ")
                .append(job.state());
        if (job.startTime() > 0) {
            sb.append(", started ")
                    .append(TIME.format(Instant.ofEpochMilli(job.startTime())))
                    .append(" (")
                    .append(Durations.format(Duration.ofMillis(r.now() - job.startTime())))
                    .append(" ago)");
        }
        if (r.restarts() >= 0) {
            sb.append(", restarts ").append(r.restarts());
        }
        sb.append('\n').append("web UI     ").append(r.webUiUrl()).append('\n');
        sb.append("replicated ").append(upToText(r)).append('\n');
        sb.append("health     ")
                .append(verdict.health().name().toLowerCase(Locale.ROOT))
                .append(": ")
                .append(verdict.reason())
                .append('\n');
        if (r.lastException() != null) {
            sb.append("error      ").append(r.lastException()).append('\n');
        }
        if (r.shards().isEmpty()) {
            return sb.toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ShardStatus s : r.shards()) {
            rows.add(
                    new String[] {
                        s.database(),
                        s.collection(),
                        s.shard(),
                        s.phaseName(),
                        StatusReport.lagText(s.lagSeconds()),
                        s.lagTicks() < 0 ? "-" : Long.toString(s.lagTicks()),
                        Long.toString(s.documentsCopied()),
                        Durations.bytes(Math.max(0, s.bytesCopied())),
                        progressBar(s.snapshotPercent()),
                        Long.toString(s.resyncs())
                    });
        }
        sb.append('\n').append(Table.format(rows, RIGHT_ALIGNED));
        return sb.toString();
    }

    /** {@code [##########----------] 50.0%}. */
    static String progressBar(double percent) {
        if (percent < 0) {
            return "[" + " ".repeat(BAR_WIDTH) + "]      ?";
        }
        double p = Math.min(100, percent);
        int filled = (int) Math.floor(p / 100 * BAR_WIDTH);
        return "["
                + "#".repeat(filled)
                + "-".repeat(BAR_WIDTH - filled)
                + "] "
                + String.format(Locale.ROOT, "%5.1f%%", p);
    }

    private static String upToText(StatusReport r) {
        if (!"RUNNING".equals(r.job().state())) {
            return "up to: - (the job is not running)";
        }
        OptionalLong upTo = r.replicatedUpTo();
        if (upTo.isEmpty()) {
            return "up to: not yet known (initial sync not finished on every shard)";
        }
        return "up to: "
                + Instant.ofEpochMilli(upTo.getAsLong())
                + " ("
                + Durations.format(Duration.ofMillis(Math.max(0, r.now() - upTo.getAsLong())))
                + " before now; every change before it is on its way to the destination)";
    }

    static ObjectNode json(StatusReport r, double maxLagSeconds) {
        StatusReport.Verdict verdict = r.verdict(maxLagSeconds);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode job = root.putObject("job");
        job.put("id", r.job().id());
        job.put("name", r.job().name());
        job.put("state", r.job().state());
        job.put("startTime", r.job().startTime());
        job.put("webUi", r.webUiUrl());
        job.put("restarts", r.restarts());
        job.put("lastException", r.lastException());
        root.put("health", verdict.health().name().toLowerCase(Locale.ROOT));
        root.put("reason", verdict.reason());
        root.put("maxLagThresholdSeconds", maxLagSeconds);
        root.put("now", r.now());
        OptionalLong upTo = r.replicatedUpTo();
        if (upTo.isPresent()) {
            root.put("replicatedUpTo", upTo.getAsLong());
            root.put("replicatedUpToIso", Instant.ofEpochMilli(upTo.getAsLong()).toString());
        } else {
            root.putNull("replicatedUpTo");
            root.putNull("replicatedUpToIso");
        }
        ArrayNode shards = root.putArray("shards");
        for (ShardStatus s : r.shards()) {
            ObjectNode o = shards.addObject();
            o.put("database", s.database());
            o.put("collection", s.collection());
            o.put("shard", s.shard());
            o.put("subtask", s.subtask());
            o.put("phase", s.phaseName());
            o.put("lagSeconds", s.lagSeconds());
            o.put("lagTicks", s.lagTicks());
            o.put("documentsCopied", s.documentsCopied());
            o.put("bytesCopied", s.bytesCopied());
            o.put("snapshotProgressPercent", s.snapshotPercent());
            o.put("resyncs", s.resyncs());
        }
        return root;
    }
}
