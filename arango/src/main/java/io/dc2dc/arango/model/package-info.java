/** The change-event model shared by the source, the ordering stage and the sink. */
package io.dc2dc.arango.model;
