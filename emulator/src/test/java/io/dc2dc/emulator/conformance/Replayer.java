package io.dc2dc.emulator.conformance;

import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one scenario: recreates the example's state, sends every recorded request (rewritten with
 * the setup's bindings) in order, compares each logged response, and cleans up. Not thread-safe;
 * replays share server state (collection names), so run them one at a time.
 */
final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final ConformanceTarget target;
    private final ReplayHttp http;

    Replayer(ConformanceTarget target, ReplayHttp http) {
        this.target = target;
        this.http = http;
    }

    /** One compared response. */
    record Exchange(
            int response,
            RecordedRequest sent,
            RecordedResponse expected,
            ActualResponse actual,
            List<Difference> differences) {}

    /** All compared responses of one replay. */
    record Result(Scenario scenario, List<Exchange> exchanges) {

        boolean conforms() {
            return exchanges.stream().allMatch(e -> e.differences().isEmpty());
        }

        /** Readable diff: per failing response the request, the differences and what came back. */
        String report() {
            StringBuilder text =
                    new StringBuilder(scenario.id).append(" differs from the recording:\n");
            for (Exchange e : exchanges) {
                if (!e.differences().isEmpty()) {
                    text.append("response ")
                            .append(e.response())
                            .append(" to ")
                            .append(e.sent())
                            .append(":\n")
                            .append(Difference.render(e.differences()))
                            .append('\n')
                            .append("actual response:\n")
                            .append(e.actual())
                            .append("\n\n");
                }
            }
            List<String> tolerated = scenario.rules.tolerances();
            if (!tolerated.isEmpty()) {
                text.append("tolerated: ").append(tolerated).append('\n');
            }
            return text.toString();
        }
    }

    /**
     * @throws TestAbortedException when the scenario's area is emulated later and the emulator does
     *     not serve one of its paths yet
     */
    Result replay(Scenario scenario) throws Exception {
        Transcript t = scenario.transcript();
        int[] pairing = scenario.responseRequests(t);
        boolean later = scenario.area.emulatedLater();
        Fixture fixture = new Fixture(target, http, later);
        ReplayContext ctx =
                new ReplayContext(
                        fixture, t, target.coordinator(), target.coordinatorAuthorization());
        try {
            scenario.setup().run(ctx);
            List<RecordedRequest> sent = new ArrayList<>();
            List<ActualResponse> answers = new ArrayList<>();
            for (RecordedRequest recorded : t.requests()) {
                RecordedRequest request = recorded.rewrite(ctx.bindings);
                ActualResponse answer = http.send(ctx.base(), request, ctx.authorization());
                if (later && NotEmulatedYet.isUnknownPath(answer)) {
                    throw NotEmulatedYet.abort(recorded.method(), recorded.path());
                }
                sent.add(request);
                answers.add(answer);
            }
            ResponseComparator comparator = new ResponseComparator(scenario.rules);
            List<Exchange> exchanges = new ArrayList<>();
            for (int r = 0; r < pairing.length; r++) {
                int q = pairing[r];
                RecordedResponse expected = t.response(r);
                exchanges.add(
                        new Exchange(
                                r,
                                sent.get(q),
                                expected,
                                answers.get(q),
                                comparator.compare(expected, answers.get(q), ctx.bindings)));
            }
            return new Result(scenario, exchanges);
        } finally {
            try {
                scenario.cleanup().run(fixture);
            } catch (Exception | AssertionError e) {
                // A failed cleanup must not hide the comparison result; the next setup drops again.
                LOG.warn("cleanup of {} failed: {}", scenario.id, e.toString());
            }
        }
    }
}
