package org.babble.dataset.label;

/** Which labels can become folder names: not empty, no path separators, no leading dot, no control characters. */
public final class LabelNames {
    private LabelNames() {}

    /** What is wrong with {@code label} as a folder name, or null when it is fine. */
    public static String problemWith(String label) {
        if (label == null || label.isBlank()) {
            return "is empty";
        }
        if (label.startsWith(".")) {
            return "'" + label + "' starts with a dot (folders starting with '.' are hidden and skipped)";
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || Character.isISOControl(c)) {
                return "'" + label + "' contains '" + (Character.isISOControl(c) ? "\\u" + (int) c : String.valueOf(c))
                        + "', which a folder name cannot hold";
            }
        }
        if (!label.equals(label.strip())) {
            return "'" + label + "' has spaces at its ends";
        }
        return null;
    }
}
