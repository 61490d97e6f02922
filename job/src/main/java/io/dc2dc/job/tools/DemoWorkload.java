package io.dc2dc.job.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's workload: creates two databases with sharded document and edge collections at a
 * cluster, loads them, then inserts, replaces, updates and removes documents at a steady rate for a
 * given time, like an application would. Talks plain HTTP to a coordinator.
 *
 * <p>Usage: {@code DemoWorkload <coordinator-url> <seconds> [<ops-per-second>]}
 */
public final class DemoWorkload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final Random random = new Random(42);

    private DemoWorkload(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: DemoWorkload <coordinator-url> <seconds> [<ops-per-second>]");
            System.exit(2);
        }
        DemoWorkload w = new DemoWorkload(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        w.run(seconds, rate);
    }

    private void run(int seconds, int rate) throws Exception {
        String[][] collections = {
            {"shop", "orders", "6"}, {"shop", "customers", "3"}, {"crm", "contacts", "4"}
        };
        call("POST", "/_api/database", "{\"name\":\"shop\"}");
        call("POST", "/_api/database", "{\"name\":\"crm\"}");
        List<List<String>> keys = new ArrayList<>();
        for (String[] c : collections) {
            call(
                    "POST",
                    "/_db/" + c[0] + "/_api/collection",
                    "{\"name\":\""
                            + c[1]
                            + "\",\"numberOfShards\":"
                            + c[2]
                            + ",\"replicationFactor\":2}");
            List<String> k = new ArrayList<>();
            for (int batch = 0; batch < 10; batch++) {
                ArrayNode docs = JSON.createArrayNode();
                for (int i = 0; i < 500; i++) {
                    String key = c[1].charAt(0) + "" + (batch * 500 + i);
                    docs.add(doc(key));
                    k.add(key);
                }
                call("POST", "/_db/" + c[0] + "/_api/document/" + c[1], docs.toString());
            }
            keys.add(k);
        }
        System.out.println(
                "workload: loaded 15000 documents, now changing "
                        + rate
                        + " per second for "
                        + seconds
                        + " s");
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long ops = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            int i = random.nextInt(collections.length);
            String db = collections[i][0];
            String coll = collections[i][1];
            List<String> k = keys.get(i);
            String key = k.get(random.nextInt(k.size()));
            String path = "/_db/" + db + "/_api/document/" + coll;
            switch (random.nextInt(4)) {
                case 0 -> call("PUT", path + "/" + key, doc(null).toString());
                case 1 ->
                        call("PATCH", path + "/" + key, "{\"visits\":" + random.nextInt(100) + "}");
                case 2 -> {
                    call("DELETE", path + "/" + key, null);
                    k.remove(key);
                }
                default -> {
                    String fresh = coll.charAt(0) + "n" + ops;
                    call("POST", path, doc(fresh).toString());
                    k.add(fresh);
                }
            }
            ops++;
            long due = start + ops * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        System.out.println("workload: done, " + ops + " changes");
    }

    private ObjectNode doc(String key) {
        ObjectNode d = JSON.createObjectNode();
        if (key != null) {
            d.put("_key", key);
        }
        d.put("name", "item " + random.nextInt(100_000));
        d.put("price", random.nextInt(10_000) / 100.0);
        d.putArray("tags").add("demo").add(random.nextBoolean() ? "red" : "blue");
        return d;
    }

    private void call(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("content-type", "application/json");
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300 && r.statusCode() != 404 && r.statusCode() != 409) {
            throw new IOException(
                    method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
