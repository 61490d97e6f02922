package io.dc2dc.job.serde;

import io.dc2dc.arango.model.ChangeEvent;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;

/**
 * The configuration snapshot of {@link ChangeEventSerializer}: the serializer has no parameters, so
 * the snapshot records only its class and version (Flink writes them), and a snapshot of the same
 * class is compatible as is. A future incompatible format gets a new version and a migration here.
 */
public final class ChangeEventSerializerSnapshot extends SimpleTypeSerializerSnapshot<ChangeEvent> {

    public ChangeEventSerializerSnapshot() {
        super(ChangeEventSerializer::new);
    }
}
