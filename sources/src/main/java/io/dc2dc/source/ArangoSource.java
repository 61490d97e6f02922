package io.dc2dc.source;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.source.enumerator.EnumeratorState;
import io.dc2dc.source.enumerator.EnumeratorStateSerializer;
import io.dc2dc.source.enumerator.ShardEnumerator;
import io.dc2dc.source.enumerator.StructureApplier;
import io.dc2dc.source.reader.ShardReader;
import io.dc2dc.source.split.ShardSplit;
import io.dc2dc.source.split.ShardSplitSerializer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The dc2dc source: every shard of the source cluster, snapshot then WAL, as an unbounded stream of
 * {@link ChangeEvent}s. Holds configuration only; clients are created by the enumerator and the
 * readers.
 */
public final class ArangoSource
        implements Source<ChangeEvent, ShardSplit, EnumeratorState>,
                ResultTypeQueryable<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final SourceConfig config;
    private final StructureApplier.Factory structure;

    public ArangoSource(SourceConfig config, StructureApplier.Factory structure) {
        this.config = config;
        this.structure = structure;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<ChangeEvent, ShardSplit> createReader(SourceReaderContext context) {
        return new ShardReader(config, context);
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> createEnumerator(
            SplitEnumeratorContext<ShardSplit> context) {
        return new ShardEnumerator(config, structure, context, EnumeratorState.empty());
    }

    @Override
    public SplitEnumerator<ShardSplit, EnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<ShardSplit> context, EnumeratorState checkpoint) {
        return new ShardEnumerator(config, structure, context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<ShardSplit> getSplitSerializer() {
        return ShardSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<EnumeratorState> getEnumeratorCheckpointSerializer() {
        return new EnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<ChangeEvent> getProducedType() {
        return TypeInformation.of(ChangeEvent.class);
    }
}
