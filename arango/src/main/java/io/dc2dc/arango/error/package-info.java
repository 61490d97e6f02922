/**
 * Errors of the ArangoDB client: one exception type carrying full context, the single place where
 * errors are classified as transient or fatal, and the retry policy callers apply.
 */
package io.dc2dc.arango.error;
