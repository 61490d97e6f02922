package io.dc2dc.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionsTest {
    @Test
    void encodesLikeArangodAndRoundTrips() {
        // consecutive revisions recorded from a real 3.12 server differ in the last digit only
        long a = Revisions.decode("_l6zhVMa---");
        long b = Revisions.decode("_l6zhVMa--_");
        assertThat(b - a).isEqualTo(1);
        assertThat(Revisions.encode(a)).isEqualTo("_l6zhVMa---");
        assertThat(Revisions.encode(b)).isEqualTo("_l6zhVMa--_");
        // the recorded revision is a hybrid logical clock value of a plausible date
        assertThat(a >>> 20).isBetween(1_600_000_000_000L, 2_000_000_000_000L);
    }

    @Test
    void clockIsStrictlyIncreasingAndElevenCharacters() {
        Revisions r = new Revisions();
        long prev = 0;
        for (int i = 0; i < 10_000; i++) {
            long v = r.next();
            assertThat(v).isGreaterThan(prev);
            prev = v;
        }
        assertThat(Revisions.encode(prev)).hasSize(11);
        assertThat(Revisions.decode(Revisions.encode(prev))).isEqualTo(prev);
    }

    @Test
    void witnessedRevisionsStayBehindNewOnes() {
        Revisions r = new Revisions();
        long future = (System.currentTimeMillis() + 60_000) << 20;
        r.witness(future);
        assertThat(r.next()).isGreaterThan(future);
    }

    @Test
    void decodesDecimalRemoveMarkerRevisions() {
        assertThat(Revisions.decode("1745623337458040832")).isEqualTo(1745623337458040832L);
        assertThat(Revisions.decode("not a rev!")).isEqualTo(-1);
    }
}
