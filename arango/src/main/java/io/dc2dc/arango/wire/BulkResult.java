package io.dc2dc.arango.wire;

import io.dc2dc.arango.error.ErrorClassifier;
import java.util.List;
import java.util.Map;

/**
 * Outcome of an array write (bulk insert or remove): ArangoDB answers 201/202 even when some items
 * failed, listing per item either the written document's meta data or an error.
 *
 * <pre>x-arango-error-codes: {"1221":1}
 * [{"error":true,"errorNum":1221,"errorMessage":"illegal document key"},
 *  {"_id":"products/abc","_key":"abc","_rev":"_l6zhVVS---"}]
 * → BulkResult(total=2, succeeded=1, ignored=0, errors=[ItemError(0, "111", 1221, ...)], {1221=1})
 * </pre>
 *
 * @param total items sent
 * @param succeeded items that took effect, including {@code ignored}
 * @param ignored items whose error means "already as wanted" (removing a missing document, 1202)
 *     and therefore count as success
 * @param errors the failed items, in request order
 * @param errorCodes the server's {@code x-arango-error-codes} summary (errorNum → count), including
 *     ignored errors; empty if the header was absent
 */
public record BulkResult(
        int total,
        int succeeded,
        int ignored,
        List<ItemError> errors,
        Map<Integer, Integer> errorCodes) {

    /**
     * One failed item.
     *
     * @param index position in the request
     * @param key the item's {@code _key} (from the request), null if it had none
     */
    public record ItemError(int index, String key, int errorNum, String message) {

        /** True if writing this item again later may succeed (see {@link ErrorClassifier}). */
        public boolean isTransient() {
            return ErrorClassifier.isTransient(errorNum);
        }
    }

    public BulkResult {
        errors = List.copyOf(errors);
        errorCodes = Map.copyOf(errorCodes);
    }

    /** True if any item failed. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True if items failed and every failure is transient (a retry of those items may help). */
    public boolean hasOnlyTransientErrors() {
        return hasErrors() && errors.stream().allMatch(ItemError::isTransient);
    }
}
