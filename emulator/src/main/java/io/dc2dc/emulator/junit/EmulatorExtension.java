package io.dc2dc.emulator.junit;

import io.dc2dc.emulator.Emulator;
import io.dc2dc.emulator.EmulatorConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an emulated cluster before the tests of a class and stops it afterwards.
 *
 * <pre>
 * &#64;RegisterExtension
 * static EmulatorExtension EMU = new EmulatorExtension(EmulatorConfig.builder().dbServers(3).build());
 * ... EMU.emulator().coordinatorUrl() ...
 * </pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    private final EmulatorConfig config;
    private volatile Emulator emulator;

    public EmulatorExtension() {
        this(EmulatorConfig.builder().build());
    }

    public EmulatorExtension(EmulatorConfig config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = Emulator.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Emulator e = emulator;
        emulator = null;
        if (e != null) {
            e.close();
        }
    }

    /** The running emulator; only valid between beforeAll and afterAll. */
    public Emulator emulator() {
        Emulator e = emulator;
        if (e == null) {
            throw new IllegalStateException(
                    "the emulator is not running (use @RegisterExtension on a static field)");
        }
        return e;
    }
}
