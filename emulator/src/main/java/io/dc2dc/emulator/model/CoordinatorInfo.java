package io.dc2dc.emulator.model;

/** Identity of one emulated coordinator; the endpoint is filled in once its port is bound. */
public final class CoordinatorInfo {
    private final String id;
    private final String shortName;
    private volatile String endpoint = "";

    public CoordinatorInfo(String id, String shortName) {
        this.id = id;
        this.shortName = shortName;
    }

    public String id() {
        return id;
    }

    public String shortName() {
        return shortName;
    }

    public String endpoint() {
        return endpoint;
    }

    public void endpoint(String e) {
        endpoint = e;
    }
}
