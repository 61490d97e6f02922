/** ArangoDB document revision ({@code _rev}) encoding and hybrid-logical-clock arithmetic. */
package io.dc2dc.arango.rev;
