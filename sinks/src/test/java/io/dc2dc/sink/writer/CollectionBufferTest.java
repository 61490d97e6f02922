package io.dc2dc.sink.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.model.DocumentAddress;
import org.junit.jupiter.api.Test;

/** Coalescing per key: the newest change of a key wins, and byte accounting stays exact. */
class CollectionBufferTest {

    private static DocumentAddress doc(String key) {
        return new DocumentAddress("db", "c", "1", "s1", key);
    }

    @Test
    void newestChangeOfAKeyWins() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        b.add(ChangeEvent.upsert(doc("a"), 1, new byte[10], 0, 1));
        b.add(ChangeEvent.upsert(doc("b"), 2, new byte[20], 0, 1));
        b.add(ChangeEvent.upsert(doc("a"), 3, new byte[5], 0, 1));
        b.add(ChangeEvent.remove(doc("b"), 2, 0, 1));
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.bytes()).isEqualTo(5);
        CollectionBuffer.Drained d = b.drain();
        assertThat(d.removals()).containsExactly("b");
        assertThat(d.upserts()).extracting(e -> e.key + "@" + e.revision).containsExactly("a@3");
        assertThat(b.size()).isZero();
        assertThat(b.bytes()).isZero();
    }

    @Test
    void aReinsertAfterARemovalIsAnUpsert() {
        CollectionBuffer b = new CollectionBuffer("db", "c");
        b.add(ChangeEvent.remove(doc("a"), 1, 0, 1));
        b.add(ChangeEvent.upsert(doc("a"), 4, new byte[3], 0, 1));
        CollectionBuffer.Drained d = b.drain();
        assertThat(d.removals()).isEmpty();
        assertThat(d.upserts()).hasSize(1);
    }
}
