package org.imagesearch.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The run's figures as {@code latest.json}, a printed table and {@code latest.svg}. */
final class Report {

    private Report() {
    }

    static String json(Map<String, Object> machine, List<Map<String, Object>> results) {
        return "{\n  \"machine\": " + object(machine) + ",\n  \"results\": [\n"
                + results.stream().map(row -> "    " + object(row)).collect(Collectors.joining(",\n"))
                + "\n  ]\n}\n";
    }

    private static String object(Map<String, Object> fields) {
        return fields.entrySet().stream()
                .map(field -> "\"" + field.getKey() + "\": " + value(field.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String table(List<Map<String, Object>> results) {
        StringBuilder table = new StringBuilder(String.format("%-9s %-9s %-5s %s%n", "workload", "db", "met", "figures"));
        for (Map<String, Object> row : results) {
            String figures = row.entrySet().stream()
                    .filter(field -> !List.of("workload", "db", "met", "target").contains(field.getKey()))
                    .map(field -> field.getKey() + "=" + field.getValue())
                    .collect(Collectors.joining(" "));
            table.append(String.format("%-9s %-9s %-5s %s%n", row.get("workload"), row.get("db"),
                    Boolean.TRUE.equals(row.get("met")) ? "yes" : "NO", figures));
            table.append(String.format("%-25s target: %s%n", "", row.get("target")));
        }
        return table.toString();
    }

    /** One panel per result: its bars beside the limit or target they are judged against. */
    static String svg(String title, List<Map<String, Object>> results) {
        int width = 900;
        int panel = 110;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, 40 + panel * results.size()));
        svg.append(String.format("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"10\" y=\"24\" font-size=\"16\">%s</text>%n", escape(title)));
        int top = 40;
        for (Map<String, Object> row : results) {
            Targets.Chart chart = Targets.chart(row);
            double scale = chart.bars().stream().mapToDouble(Targets.Bar::value).max().orElse(0);
            scale = Math.max(scale, chart.reference().value()) * 1.1;
            int left = 220;
            int span = width - left - 20;
            svg.append(String.format("<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s on %s</text>%n", top + 16,
                    row.get("workload"), row.get("db")));
            svg.append(String.format("<text x=\"10\" y=\"%d\" fill=\"%s\">%s</text>%n", top + 34,
                    Boolean.TRUE.equals(row.get("met")) ? "green" : "firebrick",
                    Boolean.TRUE.equals(row.get("met")) ? "target met" : "target missed"));
            int y = top + 4;
            for (Targets.Bar bar : chart.bars()) {
                int length = (int) Math.round(span * bar.value() / scale);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" "
                        + "fill=\"steelblue\"/>%n", left, y, Math.max(1, length)));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s %,.1f %s</text>%n", left + 4,
                        y + 14, escape(bar.label()), bar.value(), escape(bar.unit())));
                y += 24;
            }
            int reference = left + (int) Math.round(span * chart.reference().value() / scale);
            svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"darkorange\" "
                    + "stroke-width=\"3\"/>%n", reference, top, reference, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"darkorange\" text-anchor=\"end\">"
                    + "%s %,.1f %s</text>%n", reference - 4, y + 14, escape(chart.reference().label()),
                    chart.reference().value(), escape(chart.reference().unit())));
            top += panel;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
