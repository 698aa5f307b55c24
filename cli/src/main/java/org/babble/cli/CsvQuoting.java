package org.babble.cli;

/** RFC 4180 quoting for the csv output format. */
final class CsvQuoting {
    private CsvQuoting() {}

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
