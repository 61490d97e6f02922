package io.dc2dc.job.ordering;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;

/**
 * The configuration snapshot of {@link DocStateSerializer}. The serializer has no parameters, so a
 * snapshot of the same class is compatible as is. Ordering state written by earlier versions of
 * dc2dc used Flink's POJO serializer for {@link DocState}; restoring such a savepoint or checkpoint
 * answers "compatible after migration", and Flink then reads every entry with the restored POJO
 * serializer and writes it in this format (RocksDB migrates the whole state while restoring).
 */
public final class DocStateSerializerSnapshot extends SimpleTypeSerializerSnapshot<DocState> {

    public DocStateSerializerSnapshot() {
        super(() -> DocStateSerializer.INSTANCE);
    }

    @Override
    public TypeSerializerSchemaCompatibility<DocState> resolveSchemaCompatibility(
            TypeSerializerSnapshot<DocState> oldSnapshot) {
        if (oldSnapshot instanceof PojoSerializerSnapshot<DocState>) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        return super.resolveSchemaCompatibility(oldSnapshot);
    }
}
