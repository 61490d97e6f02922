package io.dc2dc.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.emulator.http.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A collection as the coordinator knows it: identity, type, sharding, key generator, every creation
 * property (echoed back by the collection API) and its shards.
 *
 * <p>Mutable settings ({@code waitForSync}, {@code schema}, …) live in an immutable {@link
 * ObjectNode} that is replaced as a whole on change, so readers never see a half update.
 */
public final class ClusterCollection {
    public static final int TYPE_DOCUMENT = 2;
    public static final int TYPE_EDGE = 3;

    private final Database database;
    private final long planId;
    private final String name;
    private final int type;
    private final boolean system;
    private final List<String> shardKeys;
    private final String distributeShardsLike;
    private final KeyGenerator keys;
    private final List<Shard> shards = new ArrayList<>();
    private volatile ObjectNode settings;
    private volatile List<ObjectNode> indexes = List.of();
    private volatile boolean dropped;

    public ClusterCollection(
            Database database,
            long planId,
            String name,
            int type,
            List<String> shardKeys,
            String distributeShardsLike,
            KeyGenerator keys,
            ObjectNode settings) {
        this.database = database;
        this.planId = planId;
        this.name = name;
        this.type = type;
        this.system = name.startsWith("_");
        this.shardKeys = List.copyOf(shardKeys);
        this.distributeShardsLike = distributeShardsLike;
        this.keys = keys;
        this.settings = settings;
    }

    public Database database() {
        return database;
    }

    public long planId() {
        return planId;
    }

    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    public boolean isEdge() {
        return type == TYPE_EDGE;
    }

    public boolean isSystem() {
        return system;
    }

    public List<String> shardKeys() {
        return shardKeys;
    }

    public boolean shardsByKey() {
        return shardKeys.size() == 1 && shardKeys.get(0).equals("_key");
    }

    public String distributeShardsLike() {
        return distributeShardsLike;
    }

    public KeyGenerator keys() {
        return keys;
    }

    /** Shards in index order; fixed after creation. */
    public List<Shard> shards() {
        return Collections.unmodifiableList(shards);
    }

    public void addShard(Shard s) {
        shards.add(s);
    }

    public boolean dropped() {
        return dropped;
    }

    public void markDropped() {
        dropped = true;
    }

    public String globallyUniqueId() {
        return system ? name : "c" + planId + "/";
    }

    public ObjectNode settings() {
        return settings;
    }

    public void settings(ObjectNode newSettings) {
        this.settings = newSettings;
    }

    /**
     * Secondary index definitions as the Plan holds them (no primary or edge index), in creation
     * order. The list and its definitions are never modified; a change replaces the list (under the
     * DDL lock), so readers need no lock.
     */
    public List<ObjectNode> indexes() {
        return indexes;
    }

    public void indexes(List<ObjectNode> next) {
        this.indexes = List.copyOf(next);
    }

    public boolean waitForSync() {
        return settings.path("waitForSync").asBoolean(false);
    }

    public int replicationFactor() {
        JsonNode rf = settings.get("replicationFactor");
        return rf == null || !rf.isNumber() ? shards.get(0).plan().size() : rf.asInt();
    }

    /**
     * All properties in the order a 3.12 coordinator prints them (see the recorded {@code
     * RestGetShardsWithDetails_cluster} transcript), without error/code.
     */
    public ObjectNode describe() {
        ObjectNode s = settings;
        ObjectNode o = Json.object();
        o.put("writeConcern", s.path("writeConcern").asInt(1));
        o.put("waitForSync", s.path("waitForSync").asBoolean(false));
        o.put("usesRevisionsAsDocumentIds", true);
        o.put("syncByRevision", true);
        o.put("supportsRBAC", true);
        o.put("shardingStrategy", s.path("shardingStrategy").asText("hash"));
        o.set("schema", s.has("schema") ? s.get("schema") : Json.NODES.nullNode());
        o.put("numberOfShards", shards.size());
        o.put("minReplicationFactor", s.path("writeConcern").asInt(1));
        o.put("id", Long.toString(planId));
        o.put("isSmartChild", false);
        o.put("name", name);
        o.put("statusString", "loaded");
        o.put("isSmart", s.path("isSmart").asBoolean(false));
        o.set("replicationFactor", s.get("replicationFactor"));
        o.put("type", type);
        o.put("status", 3);
        o.put("cacheEnabled", s.path("cacheEnabled").asBoolean(false));
        o.put("isSystem", system);
        o.set(
                "computedValues",
                s.has("computedValues") ? s.get("computedValues") : Json.NODES.nullNode());
        o.put("internalValidatorType", 0);
        o.put("globallyUniqueId", globallyUniqueId());
        o.set("shardKeys", Json.MAPPER.valueToTree(shardKeys));
        o.put("isDisjoint", s.path("isDisjoint").asBoolean(false));
        o.set("keyOptions", keys.describe(false));
        if (distributeShardsLike != null) {
            o.put("distributeShardsLike", distributeShardsLike);
        }
        for (String extra :
                new String[] {"smartGraphAttribute", "smartJoinAttribute", "isSatellite"}) {
            if (s.has(extra)) {
                o.set(extra, s.get(extra));
            }
        }
        return o;
    }
}
