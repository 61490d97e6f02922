package io.dc2dc.job.config;

import io.dc2dc.arango.http.ClusterSpec;
import org.apache.flink.configuration.Configuration;

/** Lets tests build a {@link ClusterSpec} from options the way the job does. */
public final class TestAccess {

    private TestAccess() {}

    public static ClusterSpec cluster(Configuration conf, String prefix) {
        return JobConfig.cluster(
                conf, "source".equals(prefix) ? ClusterOptions.SOURCE : ClusterOptions.DESTINATION);
    }
}
