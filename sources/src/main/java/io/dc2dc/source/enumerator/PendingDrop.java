package io.dc2dc.source.enumerator;

/**
 * A destination collection or database that must be dropped because its source incarnation was
 * dropped (and maybe re-created under the same name). The drop waits until every split of the old
 * incarnation has stopped and a checkpoint taken after that has completed, so that no change of the
 * old incarnation can reach the destination afterwards, not even by replay after a restore; until
 * then the name is blocked: a new incarnation is neither created nor read.
 *
 * <pre>{"database": "shop", "collection": "orders", "identity": "2010061", "checkpointId": 17}
 * {"database": "shop", "collection": "", "identity": "81", "checkpointId": -1}</pre>
 *
 * @param collection the collection's name, or empty for the whole database
 * @param identity the old incarnation's collection plan id or database id (for logs)
 * @param checkpointId the first checkpoint taken after the old splits stopped, or -1 while none
 */
public record PendingDrop(String database, String collection, String identity, long checkpointId) {

    static PendingDrop collection(String database, String collection, String planId) {
        return new PendingDrop(database, collection, planId, -1);
    }

    static PendingDrop database(String database, String id) {
        return new PendingDrop(database, "", id, -1);
    }

    /** True if the whole database is dropped. */
    public boolean isDatabase() {
        return collection.isEmpty();
    }

    /** The blocked name: {@code database} or {@code database/collection}. */
    public String name() {
        return isDatabase() ? database : database + "/" + collection;
    }

    PendingDrop atCheckpoint(long id) {
        return new PendingDrop(database, collection, identity, id);
    }
}
