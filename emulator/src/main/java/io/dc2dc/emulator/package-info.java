/** An ArangoDB-compatible cluster emulator for tests, benchmarks and the demo. */
package io.dc2dc.emulator;
