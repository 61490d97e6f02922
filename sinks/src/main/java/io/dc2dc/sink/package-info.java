/** The Sink V2 writer and the structure applier for the destination cluster. */
package io.dc2dc.sink;
