package io.dc2dc.emulator.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one recorded curl command line into a {@link RecordedRequest}.
 *
 * <p>The docs toolchain emits only {@code -X <method>}, {@code --header '<name>: <value>'}, {@code
 * --data-binary @-} (body from the here-doc), {@code --dump -} and the single-quoted URL; anything
 * else is rejected rather than silently ignored. Stateless.
 */
final class CurlCommand {

    private CurlCommand() {}

    /**
     * @param command the command line without its {@code <<'EOF'} suffix
     * @param heredoc the here-doc text, or {@code null} when the command had none
     */
    static RecordedRequest parse(String command, String heredoc) {
        List<String> args = tokenize(command);
        if (args.isEmpty() || !args.get(0).equals("curl")) {
            throw new IllegalArgumentException("not a curl command: " + command);
        }
        String method = null;
        String url = null;
        boolean bodyFromStdin = false;
        List<HeaderField> headers = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-X" -> method = args.get(++i);
                case "--header", "-H" -> {
                    String header = args.get(++i);
                    int colon = header.indexOf(':');
                    headers.add(
                            new HeaderField(
                                    header.substring(0, colon),
                                    header.substring(colon + 1).strip()));
                }
                case "--data-binary" -> bodyFromStdin = "@-".equals(args.get(++i));
                case "--dump" -> i++; // "--dump -": print the response headers
                default -> {
                    if (arg.startsWith("http://") || arg.startsWith("https://")) {
                        url = arg;
                    } else {
                        throw new IllegalArgumentException("unknown curl argument: " + arg);
                    }
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("no URL in: " + command);
        }
        if (bodyFromStdin != (heredoc != null)) {
            throw new IllegalArgumentException("--data-binary @- without here-doc (or vice versa)");
        }
        if (method == null) {
            method = heredoc == null ? "GET" : "POST";
        }
        int pathStart = url.indexOf('/', url.indexOf("://") + 3);
        String target = pathStart < 0 ? "/" : url.substring(pathStart);
        return new RecordedRequest(method, target, headers, heredoc);
    }

    /** Splits on blanks, honouring single quotes (the only quoting the docs tool uses). */
    static List<String> tokenize(String command) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        boolean inToken = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                inQuotes = !inQuotes;
                inToken = true;
            } else if (Character.isWhitespace(c) && !inQuotes) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException("unbalanced quote in: " + command);
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
