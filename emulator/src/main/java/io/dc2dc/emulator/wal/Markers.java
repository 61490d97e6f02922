package io.dc2dc.emulator.wal;

/** Replication marker types (arangod {@code TRI_replication_operation_e}, see §4). */
public final class Markers {
    public static final int CREATE_DATABASE = 1100;
    public static final int DROP_DATABASE = 1101;
    public static final int CREATE_COLLECTION = 2000;
    public static final int DROP_COLLECTION = 2001;
    public static final int RENAME_COLLECTION = 2002;
    public static final int CHANGE_COLLECTION = 2003;
    public static final int TRUNCATE_COLLECTION = 2004;
    public static final int CREATE_INDEX = 2100;
    public static final int DROP_INDEX = 2101;
    public static final int CREATE_VIEW = 2110;
    public static final int DROP_VIEW = 2111;
    public static final int CHANGE_VIEW = 2112;
    public static final int BEGIN_TRANSACTION = 2200;
    public static final int COMMIT_TRANSACTION = 2201;
    public static final int DOCUMENT = 2300;
    public static final int REMOVE = 2302;

    private Markers() {}
}
