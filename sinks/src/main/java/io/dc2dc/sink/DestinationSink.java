package io.dc2dc.sink;

import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.sink.writer.DestinationWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The dc2dc sink: applies changes to the destination cluster. Idempotent writes plus the ordering
 * stage's exactly-once state make every change take effect once; no committer is needed. Holds
 * configuration only.
 */
public final class DestinationSink implements Sink<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final SinkConfig config;

    public DestinationSink(SinkConfig config) {
        this.config = config;
    }

    @Override
    public SinkWriter<ChangeEvent> createWriter(WriterInitContext context) {
        return new DestinationWriter(
                config,
                ArangoClient.connect(config.cluster()),
                context.metricGroup(),
                context.getMailboxExecutor(),
                context.getProcessingTimeService());
    }
}
