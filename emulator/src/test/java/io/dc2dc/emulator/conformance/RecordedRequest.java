package io.dc2dc.emulator.conformance;

import java.util.List;
import java.util.Optional;

/**
 * One request of a transcript, as the docs toolchain logged it with curl.
 *
 * <pre>
 * curl -X PUT --header 'If-Match: "_l6zhVLO--_"' ... 'http://localhost:8529/_api/document/products/70685'
 * </pre>
 *
 * becomes {@code ("PUT", "/_api/document/products/70685", [If-Match: "_l6zhVLO--_", accept:
 * application/json], "{\"other\":\"content\"}")}.
 *
 * @param method upper-case HTTP method
 * @param target raw path plus optional {@code ?query}, exactly as recorded (still URL-encoded)
 * @param headers the {@code --header} arguments in order
 * @param body the here-doc body without its final line break, or {@code null} when none was sent
 */
record RecordedRequest(String method, String target, List<HeaderField> headers, String body) {

    RecordedRequest {
        headers = List.copyOf(headers);
    }

    Optional<String> header(String name) {
        return HeaderField.find(headers, name);
    }

    /** The path without the query string. */
    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The last path segment, e.g. the document key of {@code /_api/document/products/70685}. */
    String lastPathSegment() {
        String path = path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The value of query parameter {@code name} (undecoded), if present. */
    Optional<String> queryParameter(String name) {
        int q = target.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : target.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * A copy with every occurrence of each binding key in target, header values and body replaced.
     */
    RecordedRequest rewrite(Bindings bindings) {
        List<HeaderField> rewritten =
                headers.stream()
                        .map(h -> new HeaderField(h.name(), bindings.apply(h.value())))
                        .toList();
        return new RecordedRequest(
                method,
                bindings.apply(target),
                rewritten,
                body == null ? null : bindings.apply(body));
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
