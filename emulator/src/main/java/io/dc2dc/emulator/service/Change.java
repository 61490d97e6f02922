package io.dc2dc.emulator.service;

import io.dc2dc.emulator.model.Shard;

/**
 * One decided document change of a shard: the new stored JSON with its revision, or a removal
 * ({@code json == null}) carrying the removed document's revision.
 */
public record Change(Shard shard, String key, long rev, byte[] json) {
    public boolean removal() {
        return json == null;
    }
}
