package io.dc2dc.job.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.dc2dc.arango.model.ChangeEvent;
import io.dc2dc.arango.model.DocumentAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ordering stage's rules, driven through a real keyed operator harness. */
class OrderingOperatorTest {

    private static final String SHARD = "s101";
    private KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, ChangeEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, ChangeEvent>
            newHarness() throws Exception {
        return newHarness(0);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, ChangeEvent>
            newHarness(int generation) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new OrderingOperator(Duration.ofMinutes(10), generation),
                e -> e.routingKey,
                Types.STRING);
    }

    /** Continues with the state so far in a job of {@code generation}. */
    private void restartAs(int generation) throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = newHarness(generation);
        harness.initializeState(snapshot);
        harness.open();
    }

    private static DocumentAddress doc(String key) {
        return new DocumentAddress("db", "c", "100", SHARD, key);
    }

    private static ChangeEvent up(String key, long rev, long epoch) {
        return ChangeEvent.upsert(
                doc(key), rev, ("{\"_key\":\"" + key + "\"}").getBytes(), 0, epoch);
    }

    private static ChangeEvent rm(String key, long rev, long epoch) {
        return ChangeEvent.remove(doc(key), rev, 0, epoch);
    }

    private List<String> process(ChangeEvent... events) throws Exception {
        harness.getOutput().clear();
        for (ChangeEvent e : events) {
            harness.processElement(new StreamRecord<>(e));
        }
        List<String> out = new ArrayList<>();
        for (Object o : harness.getOutput()) {
            ChangeEvent e = ((StreamRecord<ChangeEvent>) o).getValue();
            out.add(e.kind + " " + e.key + "@" + e.revision);
        }
        return out;
    }

    @Test
    void forwardsOnlyNewerRevisions() throws Exception {
        assertThat(process(up("a", 10, 1), up("a", 10, 1), up("a", 9, 1), up("a", 11, 1)))
                .containsExactly("UPSERT a@10", "UPSERT a@11");
    }

    @Test
    void snapshotRowsAndTailMayInterleave() throws Exception {
        // The tail delivered rev 12 before the snapshot row with rev 10 arrived.
        assertThat(process(up("a", 12, 1), up("a", 10, 1))).containsExactly("UPSERT a@12");
    }

    @Test
    void removalStopsTheRemovedVersionFromComingBack() throws Exception {
        assertThat(process(up("a", 10, 1), rm("a", 10, 1), up("a", 10, 1)))
                .containsExactly("UPSERT a@10", "REMOVE a@10");
        // A re-insert gets a newer revision and passes.
        assertThat(process(up("a", 15, 1))).containsExactly("UPSERT a@15");
    }

    @Test
    void removalOfAnOlderVersionDoesNotRemoveANewerOne() throws Exception {
        assertThat(process(up("a", 20, 1), rm("a", 10, 1))).containsExactly("UPSERT a@20");
    }

    @Test
    void removalOfAnUnknownDocumentIsForwardedAndRemembered() throws Exception {
        assertThat(process(rm("x", 30, 1), up("x", 30, 1), up("x", 29, 1)))
                .containsExactly("REMOVE x@30");
    }

    @Test
    void sweepRemovesOnlyWhatTheNewSnapshotDidNotSee() throws Exception {
        process(up("a", 10, 1), up("b", 11, 1), up("c", 12, 1));
        ChangeEvent otherShard =
                ChangeEvent.upsert(
                        new DocumentAddress("db", "c", "100", "s102", "d"), 13, new byte[0], 0, 1);
        process(otherShard);
        // Epoch 2 re-snapshot of s101 sees a (unchanged) and c (updated), not b.
        List<String> out =
                process(
                        up("a", 10, 2),
                        up("c", 14, 2),
                        ChangeEvent.sweep("db", "c", "100", SHARD, 2, "fence"));
        assertThat(out).containsExactlyInAnyOrder("UPSERT c@14", "REMOVE b@11");
        // The swept version cannot come back; a newer one can.
        assertThat(process(up("b", 11, 2), up("b", 16, 2))).containsExactly("UPSERT b@16");
    }

    @Test
    void anotherIncarnationOfTheCollectionStartsFromScratch() throws Exception {
        process(up("a", 50, 1));
        ChangeEvent recreated =
                ChangeEvent.upsert(
                        new DocumentAddress("db", "c", "200", "s300", "a"), 40, new byte[0], 0, 1);
        assertThat(process(recreated)).containsExactly("UPSERT a@40");
    }

    @Test
    void theAppliedVersionReadFromAnotherIncarnationIsNotWrittenAgain() throws Exception {
        // the reverse direction after a switchover: other collection ids and shard names,
        // the same revisions
        process(up("a", 50, 3), up("b", 60, 3), rm("c", 70, 3));
        restartAs(1);
        assertThat(process(reverse("a", 50), reverse("b", 61), reverse("c", 70), reverse("d", 80)))
                .containsExactly("UPSERT b@61", "UPSERT c@70", "UPSERT d@80");
        // the adopted document now belongs to the new shard: the reverse side's sweep of that
        // shard removes it when a later snapshot no longer sees it
        assertThat(process(ChangeEvent.sweep("db", "c", "900", "s901", 2, "fence")))
                .containsExactlyInAnyOrder(
                        "REMOVE a@50", "REMOVE b@61", "REMOVE c@70", "REMOVE d@80");
    }

    @Test
    void withinOneGenerationANewIncarnationWithTheSameRevisionsIsWritten() throws Exception {
        // dropped and restored from a backup at the source: the destination's copy was dropped
        process(up("a", 50, 1));
        assertThat(process(reverse("a", 50))).containsExactly("UPSERT a@50");
        // after a switchover, adopted once; the next incarnation change is fresh again
        process(up("b", 60, 1));
        restartAs(1);
        assertThat(process(up("b", 60, 1))).isEmpty();
        assertThat(process(reverse("b", 60))).isEmpty();
        assertThat(process(up("b", 60, 1))).containsExactly("UPSERT b@60");
    }

    private static ChangeEvent reverse(String key, long rev) {
        return ChangeEvent.upsert(
                new DocumentAddress("db", "c", "900", "s901", key), rev, new byte[0], 0, 1);
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        process(up("a", 10, 1), rm("b", 5, 1));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        assertThat(process(up("a", 10, 1), up("b", 5, 1), up("a", 11, 1)))
                .containsExactly("UPSERT a@11");
    }

    @Test
    void tombstonesExpire() throws Exception {
        process(rm("a", 10, 1));
        harness.setProcessingTime(Duration.ofMinutes(11).toMillis());
        // After the tombstone is gone, the old version is unknown again and passes.
        assertThat(process(up("a", 10, 1))).containsExactly("UPSERT a@10");
    }
}
