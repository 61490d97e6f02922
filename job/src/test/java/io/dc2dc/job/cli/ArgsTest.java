package io.dc2dc.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written argument parser: options, switches, positionals, durations, errors. */
class ArgsTest {

    private static Args parse(String... argv) {
        return Args.parse(argv, Set.of("--config", "--max-lag", "--parallelism"), Set.of("--json"));
    }

    @Test
    void valuesFlagsAndPositionals() {
        Args a = parse("3", "--config", "a.yaml", "--json", "--max-lag=5s");
        assertThat(a.value("--config")).contains("a.yaml");
        assertThat(a.flag("--json")).isTrue();
        assertThat(a.flag("--help")).isFalse();
        assertThat(a.duration("--max-lag", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.positionals()).containsExactly("3");
    }

    @Test
    void shortHelpAndDoubleDash() {
        Args a = parse("-h", "--", "--config");
        assertThat(a.flag("--help")).isTrue();
        assertThat(a.positionals()).containsExactly("--config");
        assertThat(a.value("--config")).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> parse("--confg", "a.yaml"))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("'--confg'");
    }

    @Test
    void missingValueRepeatedOptionAndValueOnAFlag() {
        assertThatThrownBy(() -> parse("--config")).hasMessageContaining("--config needs a value");
        assertThatThrownBy(() -> parse("--config", "a", "--config", "b"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse("--json=yes")).hasMessageContaining("takes no value");
    }

    @Test
    void durations() {
        assertThat(parse("--max-lag", "2 min").duration("--max-lag", null))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(parse("--max-lag", "500ms").duration("--max-lag", null))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(parse().duration("--max-lag", Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> parse("--max-lag", "soon").duration("--max-lag", null))
                .hasMessageContaining("--max-lag 'soon' is not a duration");
    }

    @Test
    void positiveNumbers() {
        assertThat(parse("--parallelism", "4").positiveInt("--parallelism")).contains(4);
        for (String bad : List.of("0", "-1", "two", "")) {
            assertThatThrownBy(() -> parse("--parallelism", bad).positiveInt("--parallelism"))
                    .as(bad)
                    .hasMessageContaining("at least 1");
        }
    }

    @Test
    void positionalCount() {
        assertThatThrownBy(() -> parse("x").expectPositionals(0, "no arguments"))
                .hasMessageContaining("unexpected argument 'x'");
        assertThatThrownBy(() -> parse().expectPositionals(1, "the new parallelism N"))
                .hasMessageContaining("expected the new parallelism N");
    }
}
