package org.anb.showcase.app.results;

/**
 * One CSV field as RFC 4180 quotes it, and defused against spreadsheet formulas (a name typed as {@code =HYPERLINK(…)}
 * must not run when the association opens the file). A library would be a dependency for these few lines.
 */
final class Csv {
    private Csv() {
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
