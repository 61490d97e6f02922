package io.dc2dc.emulator.service;

import io.dc2dc.emulator.model.Database;
import io.dc2dc.emulator.storage.DbServer;
import io.dc2dc.emulator.storage.DocVersion;
import io.dc2dc.emulator.storage.ShardReplica;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Brings a follower replica up to date with its leader, like arangod's SynchronizeShard: the
 * differences are applied on the follower as one transaction in its own WAL (same {@code _rev}s as
 * the leader). Callers hold the shard's lock.
 */
final class ShardSync {
    private ShardSync() {}

    static void sync(Database db, ShardReplica leader, ShardReplica follower) {
        List<DbServer.Write> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<DocVersion> it = leader.heads(); it.hasNext(); ) {
            DocVersion v = it.next();
            if (v.tombstone()) {
                continue;
            }
            seen.add(v.key());
            DocVersion mine = follower.get(v.key());
            if (mine == null || mine.rev() != v.rev()) {
                writes.add(new DbServer.Write(follower, v.key(), v.rev(), v.json()));
            }
        }
        for (Iterator<DocVersion> it = follower.heads(); it.hasNext(); ) {
            DocVersion v = it.next();
            if (!v.tombstone() && !seen.contains(v.key())) {
                writes.add(new DbServer.Write(follower, v.key(), v.rev(), null));
            }
        }
        follower.server().commit(db, writes, true);
    }
}
