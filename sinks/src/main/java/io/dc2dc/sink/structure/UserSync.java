package io.dc2dc.sink.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dc2dc.arango.error.ArangoException;
import io.dc2dc.arango.http.ApiPath;
import io.dc2dc.arango.http.ArangoClient;
import io.dc2dc.arango.http.ClusterSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the destination's users equal the source's: password hashes, active flag, extra data and
 * the per-database and per-collection permissions, which all live in the {@code _users} documents.
 *
 * <p>A changed or new source user is written with {@code PUT
 * /_api/replication/restore-data?collection=_users}, which upserts by user name (the destination
 * keeps its own {@code _key}) and reloads the destination's user cache, so the user logs in there
 * with the source's password. A destination user the source does not have is removed with {@code
 * DELETE /_api/user/{name}}, except root and the user the job itself logs in to the destination as
 * (basic auth). With {@code excludeRootUser} the root user is not written either. Permissions
 * naming databases or collections the destination lacks (excluded or not yet created) are copied as
 * they are; they take effect once those exist.
 *
 * <p>State: per user, the source revision last applied, so a pass over an unchanged source writes
 * nothing; it is not checkpointed, so the first pass after a (re)start writes every user once. Not
 * thread-safe: one {@link MetadataSync} calls it from the enumerator's worker thread.
 */
final class UserSync implements MetadataPart {

    private static final Logger LOG = LoggerFactory.getLogger(UserSync.class);
    static final String ROOT = "root";
    private static final String RESTORE_USERS = "/_api/replication/restore-data?collection=_users";

    private final boolean excludeRootUser;
    private final Map<String, Long> applied = new HashMap<>();

    UserSync(boolean excludeRootUser) {
        this.excludeRootUser = excludeRootUser;
    }

    @Override
    public String area() {
        return "users";
    }

    @Override
    public void sync(ArangoClient source, ArangoClient destination, List<String> databases) {
        Map<String, SourceUsers.SourceUser> wanted = SourceUsers.read(source);
        if (excludeRootUser) {
            wanted.remove(ROOT);
        }
        Set<String> present = destinationUsers(destination);
        RuntimeException first = null;
        for (SourceUsers.SourceUser user : wanted.values()) {
            Long done = applied.get(user.name());
            if (done != null && done == user.rev() && present.contains(user.name())) {
                continue;
            }
            try {
                destination.send("PUT", "_system", RESTORE_USERS, envelope(user.document()));
                applied.put(user.name(), user.rev());
                LOG.info(
                        "Replicated user '{}' (source revision {}) to the destination",
                        user.name(),
                        user.rev());
            } catch (RuntimeException e) {
                // Other users still get their turn; the pass is reported failed and retried.
                first = first == null ? e : first;
            }
        }
        String login = basicAuthUser(destination);
        for (String name : present) {
            if (wanted.containsKey(name) || ROOT.equals(name) || name.equals(login)) {
                continue;
            }
            try {
                remove(destination, name);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        applied.keySet().retainAll(wanted.keySet());
        if (first != null) {
            throw first;
        }
    }

    private void remove(ArangoClient destination, String name) {
        try {
            destination.send("DELETE", "_system", "/_api/user/" + ApiPath.encode(name), null);
            LOG.info("Removed user '{}' from the destination: the source has no such user", name);
        } catch (ArangoException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
        applied.remove(name);
    }

    /**
     * The user this job logs in to the destination as with basic auth, or null when it uses the JWT
     * secret: removing that user would lock the job out, so it is kept even when the source has no
     * such user.
     */
    private static String basicAuthUser(ArangoClient destination) {
        ClusterSpec spec = destination.spec();
        return spec.jwtSecret().isPresent() ? null : spec.username();
    }

    /** The destination's user names ({@code GET /_api/user}). */
    private static Set<String> destinationUsers(ArangoClient destination) {
        Set<String> names = new HashSet<>();
        for (JsonNode u : destination.get("_system", "/_api/user").path("result")) {
            if (u.path("user").isTextual()) {
                names.add(u.get("user").asText());
            }
        }
        return names;
    }

    /**
     * One restore-data line: {@code {"type":2300,"data":{<the source's _users document>}}}. The
     * server drops {@code _key} and upserts by {@code user}; a raw line would also do, but the
     * envelope is what every arangod version accepts.
     */
    static ObjectNode envelope(ObjectNode document) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("type", 2300);
        line.set("data", document);
        return line;
    }
}
