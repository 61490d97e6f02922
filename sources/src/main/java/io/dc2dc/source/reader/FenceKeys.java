package io.dc2dc.source.reader;

import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Routing keys that address each subtask of the keyed ordering stage: a sweep fence sent with key
 * {@code keys()[i]} reaches subtask {@code i}. They are found by trying candidate keys until every
 * subtask is hit, with the same assignment function that {@code keyBy} uses.
 */
final class FenceKeys {

    private FenceKeys() {}

    static String[] forParallelism(int maxParallelism, int parallelism) {
        String[] keys = new String[parallelism];
        int found = 0;
        for (int n = 0; found < parallelism; n++) {
            if (n > 1_000_000) {
                throw new IllegalStateException(
                        "no fence key found for every one of "
                                + parallelism
                                + " ordering subtasks");
            }
            String candidate = "\u0000fence-" + n;
            int subtask =
                    KeyGroupRangeAssignment.assignKeyToParallelOperator(
                            candidate, maxParallelism, parallelism);
            if (keys[subtask] == null) {
                keys[subtask] = candidate;
                found++;
            }
        }
        return keys;
    }
}
