/** The FLIP-27 source that snapshots and tails the source cluster. */
package io.dc2dc.source;
