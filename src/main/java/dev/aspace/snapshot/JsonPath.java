package dev.aspace.snapshot;

import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * Where a value sits in a snapshot file, printed as a JSON path: {@code $.regions[3].start}.
 * Built while reading (one small object per step), formatted only when a problem is reported.
 */
final class JsonPath {

    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String field;
    private final int index;

    private JsonPath(JsonPath parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
    }

    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    /** The path of the parser's current position, for errors Jackson itself raises. */
    static JsonPath of(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return ROOT;
        }
        JsonPath up = of(context.getParent());
        if (context.inArray()) {
            return context.hasCurrentIndex() ? up.index(context.getCurrentIndex()) : up;
        }
        String name = context.getCurrentName();
        return name == null ? up : up.field(name);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        String up = parent.toString();
        if (field == null) {
            return up + "[" + index + "]";
        }
        return isPlainName(field) ? up + "." + field : up + "['" + field.replace("'", "\\'") + "']";
    }

    private static boolean isPlainName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
