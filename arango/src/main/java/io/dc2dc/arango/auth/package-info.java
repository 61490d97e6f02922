/**
 * Credentials: references to secrets (files, environment variables) that are read when needed and
 * re-read when they change, superuser JWT minting, and the Authorization header per server kind.
 */
package io.dc2dc.arango.auth;
