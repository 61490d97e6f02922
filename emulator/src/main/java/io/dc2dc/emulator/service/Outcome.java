package io.dc2dc.emulator.service;

import io.dc2dc.emulator.http.ApiException;

/**
 * The result of one document operation: either an error, or the key and revision written (with the
 * replaced revision and the old/new bodies for {@code returnOld}/{@code returnNew}).
 *
 * @param currentRev for a precondition failure, the document's actual revision (else 0)
 */
public record Outcome(
        ApiException error,
        String key,
        long rev,
        long oldRev,
        byte[] newJson,
        byte[] oldJson,
        long currentRev) {

    static Outcome failed(ApiException e) {
        return new Outcome(e, null, 0, 0, null, null, 0);
    }

    static Outcome conflict(ApiException e, String key, long currentRev) {
        return new Outcome(e, key, 0, 0, null, null, currentRev);
    }

    static Outcome ok(String key, long rev, long oldRev, byte[] newJson, byte[] oldJson) {
        return new Outcome(null, key, rev, oldRev, newJson, oldJson, 0);
    }

    public boolean failed() {
        return error != null;
    }
}
