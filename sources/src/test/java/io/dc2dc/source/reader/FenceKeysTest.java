package io.dc2dc.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

/** Fence keys reach every ordering subtask exactly once, for any parallelism. */
class FenceKeysTest {

    @Test
    void addressEverySubtask() {
        for (int maxParallelism : new int[] {128, 256, 32768}) {
            for (int parallelism : new int[] {1, 2, 3, 7, 16, 128}) {
                if (parallelism > maxParallelism) {
                    continue;
                }
                String[] keys = FenceKeys.forParallelism(maxParallelism, parallelism);
                Set<Integer> hit = new HashSet<>();
                for (int i = 0; i < keys.length; i++) {
                    int subtask =
                            KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                    keys[i], maxParallelism, parallelism);
                    assertThat(subtask).isEqualTo(i);
                    hit.add(subtask);
                }
                assertThat(hit).hasSize(parallelism);
            }
        }
    }
}
