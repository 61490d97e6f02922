package io.dc2dc.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.source.split.ShardSplit;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The enumerator's state survives serialization, and released versions keep reading. */
class EnumeratorStateSerializerTest {

    static EnumeratorState sample() {
        Map<String, KnownShard> known = new LinkedHashMap<>();
        KnownShard a = new KnownShard("shop", "orders", "2010061", "s2010062", "PRMR-7f3a");
        KnownShard b = new KnownShard("shop", "orders", "2010061", "s2010063", "PRMR-8e11");
        known.put(a.splitId(), a);
        known.put(b.splitId(), b);
        return new EnumeratorState(
                known,
                List.of(ShardSplit.initial("shop", "orders", "2010061", "s2010063", "PRMR-8e11")),
                Map.of(),
                List.of());
    }

    /** Version 2 added the replicated databases and the pending destination drops. */
    static EnumeratorState sampleV2() {
        EnumeratorState v1 = sample();
        Map<String, String> databases = new LinkedHashMap<>();
        databases.put("shop", "81");
        databases.put("crm", "94");
        return new EnumeratorState(
                v1.known(),
                v1.unassigned(),
                databases,
                List.of(
                        new PendingDrop("shop", "carts", "2010099", 17),
                        new PendingDrop("old", "", "77", -1)));
    }

    @Test
    void roundTrips() throws IOException {
        EnumeratorStateSerializer s = new EnumeratorStateSerializer();
        assertThat(s.deserialize(s.getVersion(), s.serialize(sample()))).isEqualTo(sample());
        assertThat(s.deserialize(s.getVersion(), s.serialize(sampleV2()))).isEqualTo(sampleV2());
        assertThat(s.deserialize(s.getVersion(), s.serialize(EnumeratorState.empty())))
                .isEqualTo(EnumeratorState.empty());
    }

    @Test
    void readsGoldenVersion1Bytes() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/enumerator-state-v1.hex")) {
            assertThat(in).isNotNull();
            golden = HexFormat.of().parseHex(new String(in.readAllBytes()).trim());
        }
        EnumeratorStateSerializer s = new EnumeratorStateSerializer();
        assertThat(s.deserialize(1, golden)).isEqualTo(sample());
    }

    @Test
    void readsAndWritesGoldenVersion2Bytes() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/enumerator-state-v2.hex")) {
            assertThat(in).isNotNull();
            golden = HexFormat.of().parseHex(new String(in.readAllBytes()).trim());
        }
        EnumeratorStateSerializer s = new EnumeratorStateSerializer();
        assertThat(s.getVersion()).isEqualTo(2);
        assertThat(s.deserialize(2, golden)).isEqualTo(sampleV2());
        assertThat(s.serialize(sampleV2())).isEqualTo(golden);
    }
}
