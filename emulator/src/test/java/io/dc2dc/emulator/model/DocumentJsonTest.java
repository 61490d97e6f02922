package io.dc2dc.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {
    private static ObjectNode obj(String json) {
        return (ObjectNode) Json.tree(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void buildPutsSystemAttributesFirstAndDropsGivenOnes() {
        byte[] json =
                DocumentJson.build(
                        "edges",
                        "k1",
                        Revisions.decode("_l6zhVMa---"),
                        obj(
                                "{\"x\":1,\"_key\":\"ignored\",\"_to\":\"v/2\",\"_from\":\"v/1\",\"_rev\":\"zzz\"}"),
                        true);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"_key\":\"k1\",\"_id\":\"edges/k1\",\"_from\":\"v/1\",\"_to\":\"v/2\","
                                + "\"_rev\":\"_l6zhVMa---\",\"x\":1}");
    }

    @Test
    void mergeFollowsKeepNullAndMergeObjects() {
        ObjectNode old = obj("{\"a\":1,\"n\":{\"x\":1,\"y\":2},\"gone\":true}");
        ObjectNode patch = obj("{\"n\":{\"y\":null,\"z\":3},\"gone\":null}");
        assertThat(DocumentJson.merge(old, patch, false, true))
                .isEqualTo(obj("{\"a\":1,\"n\":{\"x\":1,\"z\":3}}"));
        assertThat(DocumentJson.merge(old, patch, true, true))
                .isEqualTo(obj("{\"a\":1,\"n\":{\"x\":1,\"y\":null,\"z\":3},\"gone\":null}"));
        assertThat(DocumentJson.merge(old, patch, true, false))
                .isEqualTo(obj("{\"a\":1,\"n\":{\"y\":null,\"z\":3},\"gone\":null}"));
    }

    @Test
    void edgeHandlesAndKeys() {
        assertThat(DocumentJson.isValidHandle(Json.NODES.textNode("v/1"))).isTrue();
        assertThat(DocumentJson.isValidHandle(Json.NODES.textNode("v1"))).isFalse();
        assertThat(DocumentJson.isValidHandle(Json.NODES.textNode("/1"))).isFalse();
        assertThat(KeyGenerator.isValidKey("a-b_c:d.e@(f)+g,h=i;j$k!l*m'n%o")).isTrue();
        assertThat(KeyGenerator.isValidKey("has space")).isFalse();
        assertThat(KeyGenerator.isValidKey("x".repeat(255))).isFalse();
    }
}
