/** Savepoint tooling on the State Processor API. */
package io.dc2dc.savepoints;
