package io.dc2dc.arango.rev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RevisionsTest {

    @Test
    void decodesRevisionsFromRecordedTranscripts() {
        // RestDocumentHandlerPostBadJsonMulti (3.12): recorded 2026-08-04 around 15:28Z
        long rev = Revisions.decode("_l6zhVVS---");
        assertThat(rev).isEqualTo(1872607071813238784L);
        assertThat(Instant.ofEpochMilli(Revisions.timeMillis(rev)))
                .isEqualTo(Instant.parse("2026-08-04T15:27:49.109Z"));
        assertThat(Revisions.counter(rev)).isZero();

        // three documents of one array insert (RestDocumentHandlerPostMulti2): same millisecond,
        // counters 0, 1, 2
        long a = Revisions.decode("_l6zhVTu---");
        long b = Revisions.decode("_l6zhVTu--_");
        long c = Revisions.decode("_l6zhVTu--A");
        assertThat(b).isEqualTo(a + 1);
        assertThat(c).isEqualTo(a + 2);
        assertThat(Revisions.timeMillis(a)).isEqualTo(Revisions.timeMillis(c));

        // an MMFiles-era dump transcript (3.6): 2021-09-07T16:32:39.230Z, counter 1
        long old = Revisions.decode("_c6CYsR2--_");
        assertThat(Instant.ofEpochMilli(Revisions.timeMillis(old)))
                .isEqualTo(Instant.parse("2021-09-07T16:32:39.230Z"));
        assertThat(Revisions.counter(old)).isEqualTo(1);
    }

    @Test
    void encodesKnownValues() {
        assertThat(Revisions.encode(1872607071813238784L)).isEqualTo("_l6zhVVS---");
        assertThat(Revisions.encode(0)).isEmpty();
        assertThat(Revisions.encode(1)).isEqualTo("_");
        assertThat(Revisions.encode(63)).isEqualTo("9");
        assertThat(Revisions.encode(64)).isEqualTo("_-");
        assertThat(Revisions.encode(-1L)).isEqualTo("N9999999999");
    }

    @Test
    void roundTripsRandomAndEdgeValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong();
            assertThat(Revisions.decode(Revisions.encode(v == 0 ? 1 : v)))
                    .isEqualTo(v == 0 ? 1 : v);
        }
        for (long v : new long[] {1, 63, 64, Long.MAX_VALUE, Long.MIN_VALUE, -1L}) {
            assertThat(Revisions.decode(Revisions.encode(v))).isEqualTo(v);
        }
        long now = Revisions.of(System.currentTimeMillis(), 12345);
        assertThat(Revisions.parse(Revisions.encode(now))).isEqualTo(now);
    }

    @Test
    void parsesDecimalRevisionsOfRemoveMarkers() {
        assertThat(Revisions.parse("1872607071813238784")).isEqualTo(1872607071813238784L);
        assertThat(Revisions.parse("54")).isEqualTo(54);
        assertThat(Revisions.parse("18446744073709551615")).isEqualTo(-1L);
        assertThatThrownBy(() -> Revisions.parse("18446744073709551616"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedRevisions() {
        assertThatThrownBy(() -> Revisions.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revisions.decode(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Revisions.decode("_l6zh VVS--"))
                .hasMessageContaining("_l6zh VVS--");
        assertThatThrownBy(() -> Revisions.decode("_l6zhVVS---x"))
                .isInstanceOf(IllegalArgumentException.class);
        // 11 digits with a leading digit above 15 would need more than 64 bits
        assertThatThrownBy(() -> Revisions.decode("O9999999999")).hasMessageContaining("64 bits");
        assertThatThrownBy(() -> Revisions.decode("_l6zhVVS-é-"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void composesTimeAndCounter() {
        long rev = Revisions.of(1_786_894_069_109L, 7);
        assertThat(Revisions.timeMillis(rev)).isEqualTo(1_786_894_069_109L);
        assertThat(Revisions.counter(rev)).isEqualTo(7);
        assertThatThrownBy(() -> Revisions.of(1, 1 << 20))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
