/**
 * The ArangoDB cluster client: {@link io.dc2dc.arango.http.ArangoClient} (one per cluster,
 * thread-safe) on a pooled Apache HttpClient 5, its connection settings ({@link
 * io.dc2dc.arango.http.ClusterSpec}) and the typed results of its endpoints.
 */
package io.dc2dc.arango.http;
