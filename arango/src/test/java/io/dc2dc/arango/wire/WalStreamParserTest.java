package io.dc2dc.arango.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dc2dc.arango.rev.Revisions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalStreamParserTest {

    private static List<WalMarker> parse(String body, int chunk) throws IOException {
        List<WalMarker> out = new ArrayList<>();
        ParseStats stats =
                WalStreamParser.parse(
                        new ChunkedInputStream(body.getBytes(StandardCharsets.UTF_8), chunk),
                        out::add);
        assertThat(stats.records()).isEqualTo(out.size());
        return out;
    }

    @Test
    void parsesTheRecordedTranscriptBodyAsIs() throws IOException {
        // RestWalAccessTailingSome (3.12): pretty-printed by the docs tool, one drop marker
        List<WalMarker> out = new ArrayList<>();
        try (InputStream in =
                getClass().getResourceAsStream("/transcripts/RestWalAccessTailingSome.body")) {
            WalStreamParser.parse(in, out::add);
        }
        assertThat(out)
                .containsExactly(
                        new WalMarker(
                                184793,
                                MarkerTypes.DROP_COLLECTION,
                                "_system",
                                "h5C3DDE5391BF/74577",
                                null,
                                null,
                                0,
                                null));
    }

    @Test
    void parsesATransactionOfDocumentMarkers() throws IOException {
        String doc =
                "{\"_key\":\"p2\",\"_id\":\"products/p2\",\"_rev\":\"_l6zhVVS---\",\"name\":\"broken"
                        + " hovercraft\",\"hp\":5100}";
        String body =
                "{\"tick\":\"184790\",\"type\":2200,\"tid\":\"74590\",\"db\":\"shop\"}\n"
                        + "{\"tick\":\"184791\",\"type\":2300,\"db\":\"shop\",\"cuid\":\"c2010061/s2010062\","
                        + "\"tid\":\"74590\",\"data\":"
                        + doc
                        + "}\n"
                        + "{\"tick\":\"184792\",\"type\":2302,\"db\":\"shop\",\"cuid\":\"c2010061/s2010062\","
                        + "\"tid\":\"74590\",\"data\":{\"_key\":\"p1\",\"_rev\":\"_l6zhVTu---\"}}\n"
                        + "{\"tick\":\"184793\",\"type\":2201,\"tid\":\"74590\",\"db\":\"shop\"}\n";
        List<WalMarker> m = parse(body, 7);
        assertThat(m).extracting(WalMarker::type).containsExactly(2200, 2300, 2302, 2201);
        assertThat(m)
                .extracting(WalMarker::tick)
                .containsExactly(184790L, 184791L, 184792L, 184793L);
        assertThat(m).extracting(WalMarker::tid).containsOnly("74590");
        WalMarker upsert = m.get(1);
        assertThat(upsert.key()).isEqualTo("p2");
        assertThat(upsert.rev()).isEqualTo(Revisions.decode("_l6zhVVS---"));
        assertThat(upsert.cuid()).isEqualTo("c2010061/s2010062");
        assertThat(upsert.dataJson()).isEqualTo(doc);
        WalMarker remove = m.get(2);
        assertThat(remove.key()).isEqualTo("p1");
        assertThat(remove.rev()).isEqualTo(Revisions.decode("_l6zhVTu---"));
        assertThat(m.get(0).data()).isNull();
        assertThat(m.get(0).key()).isNull();
    }

    @Test
    void removeMarkersMayCarryDecimalOrMeaninglessRevisions() throws IOException {
        String body =
                "{\"tick\":\"5\",\"type\":2302,\"db\":\"d\",\"cuid\":\"c1/s2\",\"tid\":\"0\","
                        + "\"data\":{\"_key\":\"a\",\"_rev\":\"1872607071813238784\"}}\n"
                        + "{\"tick\":\"6\",\"type\":2302,\"db\":\"d\",\"cuid\":\"c1/s2\",\"tid\":\"0\","
                        + "\"data\":{\"_key\":\"b\",\"_rev\":\"not a revision\"}}\n"
                        + "{\"tick\":\"7\",\"type\":2302,\"db\":\"d\",\"cuid\":\"c1/s2\",\"tid\":\"0\","
                        + "\"data\":{\"_key\":\"c\"}}\n";
        List<WalMarker> m = parse(body, 64);
        assertThat(m).extracting(WalMarker::rev).containsExactly(1872607071813238784L, 0L, 0L);
        assertThat(m).extracting(WalMarker::key).containsExactly("a", "b", "c");
    }

    @Test
    void keepsStructureMarkerDataAndAcceptsAnyFieldOrder() throws IOException {
        String def = "{\"name\":\"orders\",\"type\":2,\"keyOptions\":{\"type\":\"traditional\"}}";
        String body =
                "{\"data\":"
                        + def
                        + ",\"cuid\":\"c9/\",\"db\":\"shop\",\"type\":2000,\"tick\":12}\n"
                        + "{\"tick\":\"13\",\"type\":1100,\"db\":\"new\",\"data\":{\"database\":\"77\","
                        + "\"id\":\"77\",\"name\":\"new\"}}\n"
                        + "{\"tick\":\"14\",\"type\":2002,\"db\":\"shop\",\"cuid\":\"c9/\",\"data\":"
                        + "{\"name\":\"orders2\"},\"unknownField\":[1,{\"x\":2}]}\n";
        List<WalMarker> m = parse(body, 3);
        assertThat(m.get(0).tick()).isEqualTo(12);
        assertThat(m.get(0).dataJson()).isEqualTo(def);
        assertThat(m.get(0).key()).isNull();
        assertThat(m.get(1).type()).isEqualTo(MarkerTypes.CREATE_DATABASE);
        assertThat(m.get(1).db()).isEqualTo("new");
        assertThat(m.get(2).dataJson()).isEqualTo("{\"name\":\"orders2\"}");
    }

    @Test
    void handlesUnicodeAndHugeDocuments() throws IOException {
        String text = "Grüße, 世界 🚀 \\\" \\n";
        String big = "y".repeat(4 * 1024 * 1024);
        String doc1 = "{\"_key\":\"ü-1\",\"_rev\":\"_l6zhVTu---\",\"t\":\"" + text + "\"}";
        String doc2 = "{\"_key\":\"big\",\"_rev\":\"_l6zhVTu--_\",\"blob\":\"" + big + "\"}";
        String body =
                "{\"tick\":\"1\",\"type\":2300,\"db\":\"d\",\"cuid\":\"c/\",\"tid\":\"0\",\"data\":"
                        + doc1
                        + "}\n{\"tick\":\"2\",\"type\":2300,\"db\":\"d\",\"cuid\":\"c/\",\"tid\":\"0\",\"data\":"
                        + doc2
                        + "}\n";
        List<WalMarker> m = parse(body, 100_000);
        assertThat(m.get(0).key()).isEqualTo("ü-1");
        assertThat(m.get(0).dataJson()).isEqualTo(doc1);
        assertThat(m.get(1).dataJson()).isEqualTo(doc2);
    }

    @Test
    void rejectsMalformedMarkers() {
        assertThatThrownBy(() -> parse("{\"type\":2300}\n", 64)).hasMessageContaining("tick");
        assertThatThrownBy(() -> parse("{\"tick\":\"x1\",\"type\":2001}\n", 64))
                .hasMessageContaining("not a number");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{\"tick\":\"1\",\"type\":2300,\"data\":{\"_rev\":\"_l6zhVTu---\"}}\n",
                                        64))
                .hasMessageContaining("without data._key");
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{\"tick\":\"1\",\"type\":2300,\"data\":{\"_key\":\"a\",\"_rev\":\"??\"}}\n",
                                        64))
                .hasMessageContaining("invalid _rev");
        assertThatThrownBy(() -> parse("{\"tick\":\"1\",\"type\":\"2300\"}\n", 64))
                .hasMessageContaining("not an integer");
    }
}
