package org.nnlab.notebook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nnlab.check.Args;
import org.nnlab.plot.Displayable;
import org.nnlab.metrics.ConfusionMatrix;
import org.nnlab.nn.Sequential;
import org.nnlab.plot.Plots;
import org.nnlab.train.History;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * HTML views of the lib's tables: any Tablesaw {@link Table} ({@code history.toTable()},
 * {@code cm.toTable()}, {@code model.summaryTable(9)}), a {@link History} and a
 * {@link ConfusionMatrix} (a heatmap). The kernel's start-up script shows History, ConfusionMatrix
 * and Table values through {@link #bundle(Object)}.
 */
public final class Tables {

    /** Tables longer than this show their first and last half of it. */
    public static final int MAX_ROWS = 20;

    private Tables() {
    }

    /** The MIME bundle of a History, ConfusionMatrix or Table; null for anything else. */
    public static Map<String, String> bundle(Object value) {
        if (value instanceof History h) {
            return of(html(h.toTable(), h.toString().replace("\n", " ")), h.toString());
        }
        if (value instanceof ConfusionMatrix cm) {
            Map<String, String> chart = new LinkedHashMap<>(Plots.confusion(cm).mimeBundle());
            chart.put("text/plain", cm.toString());
            return chart;
        }
        if (value instanceof Table t) {
            return of(html(t, t.name()), t.printAll());
        }
        return null;
    }

    /** A model's summary as a table (HTML in a notebook, text on a terminal). */
    public static Displayable summary(Sequential model, long... inputFeatureShape) {
        Args.require(model != null, "Tables.summary", "a Sequential", null, "e.g. Tables.summary(model, 9).");
        Table table = model.summaryTable(inputFeatureShape);
        String text = model.summary(inputFeatureShape);
        return () -> of(html(table, table.name()), text);
    }

    /** A table as HTML (at most {@link #MAX_ROWS} rows), numbers right-aligned and shown with 4 significant digits, with a caption. */
    public static String html(Table table, String caption) {
        StringBuilder s = new StringBuilder("<table class=\"nnlab-table\" style=\"border-collapse:collapse\">");
        if (caption != null && !caption.isEmpty()) {
            s.append("<caption style=\"caption-side:top;text-align:left;font-weight:bold\">").append(escape(caption))
                    .append("</caption>");
        }
        s.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            s.append("<th style=\"padding:2px 8px;border-bottom:1px solid #888\">").append(escape(c.name()))
                    .append("</th>");
        }
        s.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        for (int r = 0; r < rows; r++) {
            if (rows > MAX_ROWS && r == MAX_ROWS / 2) {
                // long tables (a history of 200 epochs): the first and last rows
                s.append("<tr><td colspan=\"").append(table.columnCount()).append("\" style=\"text-align:center\">... ")
                        .append(rows - MAX_ROWS).append(" more rows ...</td></tr>");
                r = rows - MAX_ROWS / 2;
            }
            s.append("<tr>");
            for (Column<?> c : table.columns()) {
                Object v = c.get(r);
                boolean number = v instanceof Number;
                String text = v instanceof Double d ? format(d) : String.valueOf(v);
                s.append("<td style=\"padding:2px 8px;text-align:").append(number ? "right" : "left")
                        .append(";font-family:monospace\">").append(escape(text)).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String format(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4g", d);
    }

    private static Map<String, String> of(String html, String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html);
        bundle.put("text/plain", text);
        return bundle;
    }
}
