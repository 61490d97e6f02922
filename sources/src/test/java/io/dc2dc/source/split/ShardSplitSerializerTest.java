package io.dc2dc.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Shard splits survive serialization, and bytes of every released version keep reading. */
class ShardSplitSerializerTest {

    static final ShardSplit SAMPLE =
            new ShardSplit(
                    "shop",
                    "orders",
                    "2010061",
                    "s2010062",
                    "PRMR-7f3a",
                    "c2010061/s2010062",
                    ShardSplit.Phase.TAILING,
                    2,
                    7312230);

    @Test
    void roundTrips() throws IOException {
        ShardSplitSerializer s = ShardSplitSerializer.INSTANCE;
        assertThat(s.deserialize(s.getVersion(), s.serialize(SAMPLE))).isEqualTo(SAMPLE);
        ShardSplit initial = ShardSplit.initial("db", "c", "1", "s2", "PRMR-1");
        assertThat(s.deserialize(s.getVersion(), s.serialize(initial))).isEqualTo(initial);
    }

    @Test
    void readsGoldenVersion1Bytes() throws IOException {
        byte[] golden = golden("shard-split-v1.hex");
        assertThat(ShardSplitSerializer.INSTANCE.deserialize(1, golden)).isEqualTo(SAMPLE);
        // The current version still writes exactly these bytes; a change needs a new version.
        assertThat(ShardSplitSerializer.INSTANCE.getVersion()).isEqualTo(1);
        assertThat(ShardSplitSerializer.INSTANCE.serialize(SAMPLE)).isEqualTo(golden);
    }

    @Test
    void rejectsUnknownVersionsWithAClearMessage() {
        assertThatThrownBy(() -> ShardSplitSerializer.INSTANCE.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown shard split version 99");
    }

    static byte[] golden(String name) throws IOException {
        try (InputStream in =
                ShardSplitSerializerTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return HexFormat.of().parseHex(new String(in.readAllBytes()).trim());
        }
    }
}
