package io.dc2dc.arango.wire;

/** What a streaming parser read from one response body: records handed on, and body bytes. */
public record ParseStats(long records, long bytes) {}
