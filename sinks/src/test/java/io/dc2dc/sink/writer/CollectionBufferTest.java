package io.dc2dc.sink.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.model.DocumentAddress;
import org.junit.jupiter.api.Test;

/**
 * Coalescing per key (the newest change of a key wins), exact byte accounting, and keys of a
 * request in flight held back so that two requests never carry the same key.
 */
class CollectionBufferTest {

    private static DocumentAddress doc(String key) {
        return new DocumentAddress("db", "c", "1", "s1", key);
    }

    private static ChangeEvent up(String key, long rev, int size) {
        return ChangeEvent.upsert(doc(key), rev, new byte[size], 0, 1);
    }

    @Test
    void newestChangeOfAKeyWins() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        b.add(up("a", 1, 10), 0);
        b.add(up("b", 2, 20), 0);
        b.add(up("a", 3, 5), 0);
        b.add(ChangeEvent.remove(doc("b"), 2, 0, 1), 0);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.bytes()).isEqualTo(5);
        CollectionBuffer.Drained d = b.drain(100, Long.MAX_VALUE);
        assertThat(d.removalKeys()).containsExactly("b");
        assertThat(d.upserts()).extracting(e -> e.key + "@" + e.revision).containsExactly("a@3");
        assertThat(b.size()).isZero();
        assertThat(b.bytes()).isZero();
    }

    @Test
    void aReinsertAfterARemovalIsAnUpsert() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        b.add(ChangeEvent.remove(doc("a"), 1, 0, 1), 0);
        b.add(up("a", 4, 3), 0);
        CollectionBuffer.Drained d = b.drain(100, Long.MAX_VALUE);
        assertThat(d.removals()).isEmpty();
        assertThat(d.upserts()).hasSize(1);
    }

    @Test
    void keysInFlightWaitForTheirRequest() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        b.add(up("a", 1, 1), 0);
        b.add(up("b", 1, 1), 0);
        CollectionBuffer.Drained first = b.drain(100, Long.MAX_VALUE);
        assertThat(first.size()).isEqualTo(2);
        b.add(up("a", 2, 1), 0);
        b.add(up("c", 1, 1), 0);
        CollectionBuffer.Drained second = b.drain(100, Long.MAX_VALUE);
        assertThat(second.upserts()).extracting(e -> e.key).containsExactly("c");
        assertThat(b.drain(100, Long.MAX_VALUE).isEmpty()).isTrue();
        b.completed(first);
        assertThat(b.drain(100, Long.MAX_VALUE).upserts())
                .extracting(e -> e.key + "@" + e.revision)
                .containsExactly("a@2");
    }

    @Test
    void aBatchNamesTheShardsItsChangesCameFrom() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        b.add(
                ChangeEvent.upsert(
                        new DocumentAddress("db", "c", "1", "s2", "a"), 1, new byte[1], 0, 1),
                0);
        b.add(ChangeEvent.remove(new DocumentAddress("db", "c", "1", "s7", "b"), 1, 0, 1), 0);
        b.add(up("c", 1, 1), 0);
        b.add(
                ChangeEvent.upsert(
                        new DocumentAddress("db", "c", "1", "s2", "d"), 1, new byte[1], 0, 1),
                0);
        assertThat(b.drain(100, Long.MAX_VALUE).shards()).containsExactly("s7", "s2", "s1");
    }

    @Test
    void drainRespectsTheBatchLimits() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        for (int i = 0; i < 10; i++) {
            b.add(up("k" + i, 1, 100), 0);
        }
        assertThat(b.drain(3, Long.MAX_VALUE).size()).isEqualTo(3);
        assertThat(b.drain(100, 250).size()).isEqualTo(3);
        assertThat(b.size()).isEqualTo(4);
        assertThat(b.bytes()).isEqualTo(400);
    }
}
