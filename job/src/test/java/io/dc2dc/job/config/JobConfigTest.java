package io.dc2dc.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Bad settings fail at start with one message naming the key and what to do. */
class JobConfigTest {

    private static Configuration valid() {
        Configuration c = new Configuration();
        c.setString("source.endpoints", "http://src:8529");
        c.setString("destination.endpoints", "https://dst1:8529;https://dst2:8529");
        return c;
    }

    @Test
    void acceptsAMinimalConfiguration() {
        JobConfig config = JobConfig.from(valid(), 2);
        assertThat(config.source().cluster().endpoints()).containsExactly("http://src:8529");
        assertThat(config.sink().cluster().endpoints()).hasSize(2);
        assertThat(config.source().syncerId()).isPositive();
        assertThat(config.source().orderingParallelism()).isEqualTo(2);
    }

    @Test
    void missingEndpoints() {
        Configuration c = valid();
        c.removeKey("source.endpoints");
        assertThatThrownBy(() -> JobConfig.from(c, 1))
                .isInstanceOf(JobConfig.InvalidConfigException.class)
                .hasMessageContaining("source.endpoints is missing")
                .hasMessageContaining("coordinator URLs");
    }

    @Test
    void badUrl() {
        Configuration c = valid();
        c.setString("destination.endpoints", "ftp://dst:8529");
        assertThatThrownBy(() -> JobConfig.from(c, 1))
                .hasMessageContaining("destination.endpoints has the invalid URL 'ftp://dst:8529'")
                .hasMessageContaining("http or https");
        c.setString("destination.endpoints", "http://");
        assertThatThrownBy(() -> JobConfig.from(c, 1))
                .hasMessageContaining("destination.endpoints");
    }

    @Test
    void sameClusterOnBothSides() {
        Configuration c = valid();
        c.setString("destination.endpoints", "http://src:8529");
        assertThatThrownBy(() -> JobConfig.from(c, 1)).hasMessageContaining("into itself");
    }

    @Test
    void passwordFromTwoPlaces() {
        Configuration c = valid();
        c.setString("source.password-file", "/run/secrets/pw");
        c.setString("source.password-env", "PW");
        assertThatThrownBy(() -> JobConfig.from(c, 1))
                .hasMessageContaining("source.password-file")
                .hasMessageContaining("set only one");
    }

    @Test
    void passwordEnvironmentVariableMustExist() {
        Configuration c = valid();
        c.setString("source.password-env", "DC2DC_TEST_SURELY_UNSET_VARIABLE");
        assertThatThrownBy(() -> JobConfig.from(c, 1))
                .hasMessageContaining("DC2DC_TEST_SURELY_UNSET_VARIABLE")
                .hasMessageContaining("not set");
    }

    @Test
    void nonPositiveNumbersAndDurations() {
        Configuration c = valid();
        c.setString("sink.batch-documents", "0");
        assertThatThrownBy(() -> JobConfig.from(c, 1))
                .hasMessageContaining("sink.batch-documents is 0");
        Configuration d = valid();
        d.setString("sync.poll-interval", "0 ms");
        assertThatThrownBy(() -> JobConfig.from(d, 1)).hasMessageContaining("sync.poll-interval");
        Configuration e = valid();
        e.setString("sync.max-parallelism", "2");
        assertThatThrownBy(() -> JobConfig.from(e, 4))
                .hasMessageContaining("sync.max-parallelism (2)");
    }

    @Test
    void secretsAreNeverValues() {
        Configuration c = valid();
        c.setString("source.password-file", "/run/secrets/source-password");
        JobConfig config = JobConfig.from(c, 1);
        assertThat(config.source().cluster().toString()).doesNotContain("hunter2");
        assertThat(config.source().cluster().password().name())
                .isEqualTo("/run/secrets/source-password");
    }
}
