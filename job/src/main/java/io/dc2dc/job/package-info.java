/** The replication job: pipeline wiring, ordering stage and the dc2dc command. */
package io.dc2dc.job;
