package dev.omnisync.listing;

/** Which of a listing's two policies a bulk change assigns. */
public enum PolicyKind {
    SYNC("sync_policy_id", "synchronization policy"),
    SELLING("selling_policy_id", "selling policy");

    private final String column;
    private final String description;

    PolicyKind(String column, String description) {
        this.column = column;
        this.description = description;
    }

    /** The listing column that holds this kind of policy (a constant, safe to put into SQL). */
    public String column() {
        return column;
    }

    public String description() {
        return description;
    }
}
