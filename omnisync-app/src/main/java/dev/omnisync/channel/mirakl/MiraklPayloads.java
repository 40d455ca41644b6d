package dev.omnisync.channel.mirakl;

import dev.omnisync.channel.wire.MultipartBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirakl's file formats: CSV with {@code ;} separators, every value in double quotes ({@code ""} escapes a quote),
 * a header row of column codes; sent as {@code multipart/form-data}.
 */
final class MiraklPayloads {

    /** The OF01 columns a price/stock file needs: empty cells keep the offer's value in PARTIAL_UPDATE mode. */
    static final List<String> OFFER_COLUMNS = List.of("sku", "price", "quantity", "update-delete");

    private MiraklPayloads() {
    }

    /** A CSV file: header then rows. */
    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(line(header));
        rows.forEach(r -> sb.append(line(r)));
        return sb.toString();
    }

    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            String v = cells.get(i);
            sb.append('"').append(v == null ? "" : v.replace("\"", "\"\"")).append('"');
        }
        return sb.append('\n').toString();
    }

    /** Parses Mirakl CSV (quoted or bare values, {@code ;} separated, CRLF or LF). */
    static List<List<String>> parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Text fields, then the CSV file part named {@code file}. */
    static MultipartBody csvFile(List<String[]> fields, String filename, String csv) {
        return MultipartBody.of(fields, filename, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
