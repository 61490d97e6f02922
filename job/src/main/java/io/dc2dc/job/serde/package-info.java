/** Flink serializers of the types that travel between the job's operators. */
package io.dc2dc.job.serde;
