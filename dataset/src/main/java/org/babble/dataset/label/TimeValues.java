package org.babble.dataset.label;

/**
 * Reads the times people write in annotation files: seconds ({@code 83.5}) or clock form ({@code 1:23.5},
 * {@code 00:01:23.5}).
 */
public final class TimeValues {
    private TimeValues() {}

    /** Seconds from {@code text}; throws {@link NumberFormatException} naming the text when it is not a time. */
    public static double parseSeconds(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new NumberFormatException("empty time");
        }
        String[] parts = t.split(":", -1);
        if (parts.length > 3) {
            throw new NumberFormatException("'" + text + "' is not seconds or hh:mm:ss");
        }
        double seconds = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.isEmpty() || !(last ? part.matches("\\d+(\\.\\d*)?|\\.\\d+") : part.matches("\\d+"))) {
                throw new NumberFormatException("'" + text + "' is not seconds or hh:mm:ss");
            }
            double value = Double.parseDouble(part);
            if (i > 0 && value >= 60) {
                throw new NumberFormatException("'" + text + "': minutes and seconds must be below 60");
            }
            seconds = seconds * 60 + value;
        }
        return seconds;
    }

    public static boolean isTime(String text) {
        try {
            parseSeconds(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
