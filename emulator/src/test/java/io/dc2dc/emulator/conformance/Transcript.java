package io.dc2dc.emulator.conformance;

import java.util.List;

/**
 * One recorded ArangoDB example: the script that set up the server, the requests sent and the
 * responses logged.
 *
 * <p>Responses are not always one per request: the generating script decides which results it logs
 * (e.g. {@code RestDocumentHandlerPatchDocumentMerge} sends five requests and logs four), so
 * pairing requests with responses is the replay scenario's job.
 *
 * @param dir the recorded-examples sub-directory, e.g. {@code docs-hugo-3.12}
 * @param file the file name, e.g. {@code RestVersion.txt}
 * @param example the example name from the header, e.g. {@code RestVersion}
 * @param deployment {@code single} or {@code cluster}
 * @param definition the generating JavaScript (with its YAML front matter)
 */
record Transcript(
        String dir,
        String file,
        String example,
        String deployment,
        String definition,
        List<RecordedRequest> requests,
        List<RecordedResponse> responses) {

    Transcript {
        requests = List.copyOf(requests);
        responses = List.copyOf(responses);
    }

    RecordedRequest request(int index) {
        return requests.get(index);
    }

    RecordedResponse response(int index) {
        return responses.get(index);
    }

    boolean isCluster() {
        return "cluster".equals(deployment);
    }

    /** {@code dir/file}, the key used in scenario lists and CONFORMANCE.md. */
    String id() {
        return dir + "/" + file;
    }

    @Override
    public String toString() {
        return id();
    }
}
