package dev.switchboard.app.traces;

/** The status filter's choices, with the admin API's value for each. */
public enum StatusFilter {
    ANY("Any status", null), OK("OK", "ok"), ERROR("Errors", "error");

    private final String label;
    private final String queryValue;

    StatusFilter(String label, String queryValue) {
        this.label = label;
        this.queryValue = queryValue;
    }

    public String queryValue() {
        return queryValue;
    }

    @Override
    public String toString() {
        return label;
    }
}
