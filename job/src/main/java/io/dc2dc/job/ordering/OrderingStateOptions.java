package io.dc2dc.job.ordering;

import java.util.Collection;
import org.apache.flink.state.rocksdb.RocksDBOptionsFactory;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;

/**
 * RocksDB options the job adds for its state: a bloom filter over the whole keys in each memtable.
 *
 * <p>The ordering stage looks up every change's document before it writes the document's state.
 * During an initial sync nearly every lookup is for a document it has never seen; the sorted files'
 * bloom filters answer those misses cheaply, but the memtable has none by default, so every miss
 * also searched the memtable's skip list — 15 % of the ordering thread's time in a profile of the
 * benchmark. With this filter a miss costs a few hashed bit tests (about half of the saving
 * reappears in the insert that follows, which no longer finds the skip list's nodes in the CPU
 * cache; README, Performance). The filter's size is {@value #MEMTABLE_BLOOM_RATIO} of the write
 * buffer (~15 bits per entry for the ordering state's entries of about 100 bytes).
 *
 * <p>Set as {@code state.backend.rocksdb.options-factory} by {@code Pipeline} unless the Flink
 * configuration names a factory of its own; Flink applies it after its predefined and configured
 * options.
 */
public final class OrderingStateOptions implements RocksDBOptionsFactory {

    private static final long serialVersionUID = 1L;

    /** Memtable bloom filter size as a fraction of the write buffer size. */
    public static final double MEMTABLE_BLOOM_RATIO = 0.02;

    @Override
    public DBOptions createDBOptions(
            DBOptions currentOptions, Collection<AutoCloseable> handlesToClose) {
        return currentOptions;
    }

    @Override
    public ColumnFamilyOptions createColumnOptions(
            ColumnFamilyOptions currentOptions, Collection<AutoCloseable> handlesToClose) {
        return currentOptions
                .setMemtableWholeKeyFiltering(true)
                .setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
    }
}
