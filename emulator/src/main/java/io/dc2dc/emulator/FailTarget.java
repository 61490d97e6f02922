package io.dc2dc.emulator;

/** Which endpoints injected request failures apply to. */
public enum FailTarget {
    ANY,
    COORDINATOR,
    DBSERVER
}
