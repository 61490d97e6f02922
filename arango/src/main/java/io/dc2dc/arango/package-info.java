/** The ArangoDB HTTP client and the change-event model shared by the source and the sink. */
package io.dc2dc.arango;
