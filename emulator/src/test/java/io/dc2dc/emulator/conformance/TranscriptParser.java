package io.dc2dc.emulator.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code docs-hugo-*} transcript file into a {@link Transcript}.
 *
 * <p>File layout (see {@code recorded-examples/README.md}): {@code #} header lines, then the
 * sections {@code === example definition ... ===}, {@code === request ===} (curl command lines,
 * each optionally followed by a {@code <<'EOF'} here-doc body) and {@code === response ===} (raw
 * HTTP responses separated by blank lines, bodies re-indented). Stateless and thread-safe.
 */
final class TranscriptParser {

    private static final String DEFINITION_MARK = "=== example definition";
    private static final String REQUEST_MARK = "=== request ===";
    private static final String RESPONSE_MARK = "=== response ===";
    private static final String HEREDOC_START = "<<'EOF'";
    private static final Pattern EXAMPLE_HEADER =
            Pattern.compile("^# example: (\\S+)\\s+deployment: (\\S+)");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ?(.*)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptParser() {}

    static Transcript parse(Path file) throws IOException {
        String dir = file.getParent().getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(dir, file.getFileName().toString(), text);
    }

    static Transcript parse(String dir, String fileName, String text) {
        List<String> lines = text.lines().toList();
        String example = null;
        String deployment = null;
        for (String line : lines) {
            Matcher m = EXAMPLE_HEADER.matcher(line);
            if (m.find()) {
                example = m.group(1);
                deployment = m.group(2);
                break;
            }
        }
        int definition = indexOfPrefix(lines, DEFINITION_MARK, 0);
        int request = indexOfPrefix(lines, REQUEST_MARK, Math.max(definition, 0));
        int response = indexOfPrefix(lines, RESPONSE_MARK, Math.max(request, 0));
        if (example == null || definition < 0 || request < 0 || response < 0) {
            throw new TranscriptFormatException(
                    fileName, "not a docs-hugo transcript (missing header or section marks)");
        }
        String script = String.join("\n", lines.subList(definition + 1, request)).strip();
        try {
            List<RecordedRequest> requests = parseRequests(lines.subList(request + 1, response));
            List<RecordedResponse> responses =
                    parseResponses(lines.subList(response + 1, lines.size()));
            return new Transcript(dir, fileName, example, deployment, script, requests, responses);
        } catch (IllegalArgumentException e) {
            throw new TranscriptFormatException(fileName, e.getMessage(), e);
        }
    }

    private static List<RecordedRequest> parseRequests(List<String> lines) {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("curl ")) {
                if (!line.isBlank()) {
                    throw new IllegalArgumentException("unexpected request line: " + line);
                }
                continue;
            }
            String body = null;
            String command = line.strip();
            if (command.endsWith(HEREDOC_START)) {
                command = command.substring(0, command.length() - HEREDOC_START.length()).strip();
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).equals("EOF")) {
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalArgumentException("unterminated here-doc after: " + line);
                }
                body = String.join("\n", lines.subList(i + 1, end));
                i = end;
            }
            requests.add(CurlCommand.parse(command, body));
        }
        return requests;
    }

    private static List<RecordedResponse> parseResponses(List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (STATUS_LINE.matcher(lines.get(i)).matches()) {
                starts.add(i);
            }
        }
        List<RecordedResponse> responses = new ArrayList<>();
        for (int r = 0; r < starts.size(); r++) {
            int end = r + 1 < starts.size() ? starts.get(r + 1) : lines.size();
            responses.add(parseResponse(lines.subList(starts.get(r), end)));
        }
        return responses;
    }

    private static RecordedResponse parseResponse(List<String> lines) {
        Matcher status = STATUS_LINE.matcher(lines.get(0));
        if (!status.matches()) {
            throw new IllegalArgumentException("bad status line: " + lines.get(0));
        }
        List<HeaderField> headers = new ArrayList<>();
        int i = 1;
        for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bad header line: " + line);
            }
            headers.add(
                    new HeaderField(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        String body =
                i < lines.size()
                        ? String.join("\n", lines.subList(i + 1, lines.size())).strip()
                        : "";
        return new RecordedResponse(
                Integer.parseInt(status.group(1)),
                status.group(2),
                headers,
                body,
                parseJsonValues(body));
    }

    /**
     * All JSON values in {@code body}, one after another; works for an ordinary body, for a
     * re-indented marker stream ({@code }{ } between records) and for a compact JSONL stream.
     */
    static List<JsonNode> parseJsonValues(String body) {
        List<JsonNode> values = new ArrayList<>();
        if (body.isBlank()) {
            return values;
        }
        // Not ObjectReader.readValues: it would unwrap a root-level array into its elements.
        try (JsonParser parser = JSON.createParser(body)) {
            while (parser.nextToken() != null) {
                values.add(JSON.readTree(parser));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read body: " + e.getMessage(), e);
        }
        return values;
    }

    private static int indexOfPrefix(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** A transcript file that does not have the expected layout. */
    static final class TranscriptFormatException extends RuntimeException {
        TranscriptFormatException(String file, String message) {
            super(file + ": " + message);
        }

        TranscriptFormatException(String file, String message, Throwable cause) {
            super(file + ": " + message, cause);
        }
    }
}
