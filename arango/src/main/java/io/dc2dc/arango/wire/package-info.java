/**
 * The wire formats of ArangoDB's replication API: streaming parsers for dump and WAL-tail bodies
 * (one JSON object per line) and for array write responses, and the raw-document and WAL-marker
 * types they produce. Bodies are never held whole in memory: only one record at a time.
 */
package io.dc2dc.arango.wire;
