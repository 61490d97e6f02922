package io.dc2dc.arango.wire;

/** The marker types of ArangoDB's WAL tail stream ({@code TRI_replication_operation_e}). */
public final class MarkerTypes {
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
    public static final int ABORT_TRANSACTION = 2202;

    /** Insert, update or replace: {@code data} is the whole new document. */
    public static final int DOCUMENT = 2300;

    /** Pre-3.0 edge marker, same meaning as {@link #DOCUMENT}. */
    public static final int EDGE = 2301;

    /** Remove: {@code data} is {@code {"_key":..,"_rev":<revision of the removed document>}}. */
    public static final int REMOVE = 2302;

    private MarkerTypes() {}

    /** True for document inserts/updates/replaces (2300, 2301). */
    public static boolean isUpsert(int type) {
        return type == DOCUMENT || type == EDGE;
    }
}
