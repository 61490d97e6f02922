package io.dc2dc.emulator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database of the emulated cluster: its options and its cluster collections by name and by id.
 * Collections are added and removed by {@code CollectionService} under the cluster's DDL lock;
 * readers use the concurrent maps without locking.
 */
public final class Database {
    private final String name;
    private final long id;
    private final String sharding;
    private final int replicationFactor;
    private final int writeConcern;
    private final ConcurrentHashMap<String, ClusterCollection> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, ClusterCollection> byId = new ConcurrentHashMap<>();
    private volatile boolean dropped;

    public Database(
            String name, long id, String sharding, int replicationFactor, int writeConcern) {
        this.name = name;
        this.id = id;
        this.sharding = sharding;
        this.replicationFactor = replicationFactor;
        this.writeConcern = writeConcern;
    }

    public String name() {
        return name;
    }

    public long id() {
        return id;
    }

    public boolean isSystem() {
        return name.equals("_system");
    }

    public String sharding() {
        return sharding;
    }

    public int replicationFactor() {
        return replicationFactor;
    }

    public int writeConcern() {
        return writeConcern;
    }

    public boolean dropped() {
        return dropped;
    }

    public void markDropped() {
        dropped = true;
    }

    /** By name, or by numeric id given as a string (as arangod accepts both). */
    public ClusterCollection collection(String nameOrId) {
        ClusterCollection c = byName.get(nameOrId);
        if (c == null && !nameOrId.isEmpty() && Character.isDigit(nameOrId.charAt(0))) {
            try {
                c = byId.get(Long.parseLong(nameOrId));
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return c;
    }

    public void add(ClusterCollection c) {
        byName.put(c.name(), c);
        byId.put(c.planId(), c);
    }

    public void remove(ClusterCollection c) {
        byName.remove(c.name(), c);
        byId.remove(c.planId(), c);
    }

    /** All collections, ordered by id (stable output for listings). */
    public List<ClusterCollection> collections() {
        List<ClusterCollection> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparingLong(ClusterCollection::planId));
        return list;
    }

    /** The database object of {@code /_api/database/current} and inventories (cluster form). */
    public ObjectNode describe() {
        ObjectNode o = Json.object();
        o.put("id", Long.toString(id));
        o.put("name", name);
        o.put("isSystem", isSystem());
        o.put("path", "none");
        o.put("sharding", sharding);
        o.put("replicationFactor", replicationFactor);
        o.put("writeConcern", writeConcern);
        return o;
    }
}
