package io.dc2dc.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fault-injection actions the HTTP fault endpoint can trigger; implemented by the emulator's
 * {@code Faults}. Kept as an interface so the API layer does not depend on Jetty connector
 * handling.
 */
public interface FaultControl {
    /** Executes one action described by a JSON body (see emulator/README.md). */
    void apply(ObjectNode action);

    /** The current fault settings, for {@code GET /_emulator/faults}. */
    ObjectNode describe();
}
