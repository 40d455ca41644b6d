package dev.omnisync.catalog;

import dev.omnisync.workspace.WorkspaceId;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk upsert of products from a CSV file or a JSON array, read as a stream (never the whole file in
 * memory) and written in batches of {@link Products#BATCH_SIZE} rows, each batch in its own transaction
 * with one set-based upsert and its change records. Bad rows are rejected with reasons; good rows are kept.
 *
 * <p>Only the columns (CSV) or keys (JSON) present are written: a stock file {@code sku,quantity} changes
 * nothing but quantities. A row whose SKU is new creates the product with just those fields (a stock file
 * can thus create products without a title; they can be completed later). A variant's parent must exist or
 * come earlier in the file. Rows of one SKU within a batch are stored once, with one change record.
 */
@Service
public class ProductImport {

    /** Files with at most this many rows list every row's result; bigger ones list only rejected rows. */
    public static final int LIST_ALL_UP_TO = 1_000;
    public static final int MAX_LISTED_REJECTIONS = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Products products;

    ProductImport(Products products) {
        this.products = products;
    }

    public ImportResult importCsv(WorkspaceId workspace, InputStream body) {
        Tally tally = new Tally();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
        try (CSVParser parser = CSVParser.builder().setReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 65_536))
                .setFormat(format).get()) {
            CsvColumns.Header header = CsvColumns.bind(parser.getHeaderNames());
            if (header instanceof CsvColumns.Unusable unusable) {
                return new ImportResult.Refused(unusable.detail(), tally.report());
            }
            CsvColumns columns = ((CsvColumns.Usable) header).columns();
            List<ProductInput.Parsed> batch = new ArrayList<>(Products.BATCH_SIZE);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    flush(workspace, batch, tally);
                    return new ImportResult.Refused("The CSV cannot be read after row " + tally.rows + ": "
                            + message(e) + " Rows before it were imported.", tally.report());
                }
                batch.add(columns.read(record.toList()));
                if (batch.size() == Products.BATCH_SIZE) {
                    flush(workspace, batch, tally);
                }
            }
            flush(workspace, batch, tally);
        } catch (java.io.IOException | UncheckedIOException | IllegalArgumentException e) {
            // Reading the header failed: nothing was imported.
            return new ImportResult.Refused("The CSV cannot be read: " + message(e), tally.report());
        }
        if (tally.rows == 0) {
            return new ImportResult.Refused("The CSV file has a header but no rows.", tally.report());
        }
        return new ImportResult.Imported(tally.report());
    }

    public ImportResult importJson(WorkspaceId workspace, InputStream body) {
        Tally tally = new Tally();
        List<ProductInput.Parsed> batch = new ArrayList<>(Products.BATCH_SIZE);
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ImportResult.Refused("The body is empty; send a JSON array of products.", tally.report());
            }
            if (first != JsonToken.START_ARRAY) {
                return new ImportResult.Refused("The body must be a JSON array of products, e.g. [{\"sku\":\"MUG-1\",\"quantity\":5}].",
                        tally.report());
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IllegalStateException("the array is not closed with ']'");
                }
                JsonNode node = parser.readValueAsTree();
                batch.add(ProductInput.fromJson(node, ProductWrite.Mode.UPSERT, null));
                if (batch.size() == Products.BATCH_SIZE) {
                    flush(workspace, batch, tally);
                }
            }
            flush(workspace, batch, tally);
        } catch (JacksonException | IllegalStateException e) {
            flush(workspace, batch, tally);
            String what = e instanceof JacksonException j ? firstLine(j.getOriginalMessage()) : e.getMessage();
            return new ImportResult.Refused("Malformed JSON after row " + tally.rows + ": " + what
                    + (tally.rows > 0 ? ". Rows before it were imported." : "."), tally.report());
        }
        if (tally.rows == 0) {
            return new ImportResult.Refused("The JSON array is empty; nothing to import.", tally.report());
        }
        return new ImportResult.Imported(tally.report());
    }

    private void flush(WorkspaceId workspace, List<ProductInput.Parsed> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        List<ProductWrite> writes = new ArrayList<>(batch.size());
        for (ProductInput.Parsed parsed : batch) {
            if (parsed instanceof ProductInput.Readable readable) {
                writes.add(readable.write());
            }
        }
        List<WriteOutcome> outcomes = writes.isEmpty() ? List.of() : products.write(workspace, writes);
        int next = 0;
        for (ProductInput.Parsed parsed : batch) {
            long row = ++tally.rows;
            if (parsed instanceof ProductInput.Unreadable unreadable) {
                tally.add(new ImportReport.RowResult(row, unreadable.sku(), ImportReport.Outcome.REJECTED, unreadable.reasons()));
                continue;
            }
            WriteOutcome outcome = outcomes.get(next++);
            ImportReport.RowResult result;
            if (outcome instanceof WriteOutcome.Created) {
                result = new ImportReport.RowResult(row, outcome.sku(), ImportReport.Outcome.CREATED, List.of());
            } else if (outcome instanceof WriteOutcome.Updated) {
                result = new ImportReport.RowResult(row, outcome.sku(), ImportReport.Outcome.UPDATED, List.of());
            } else if (outcome instanceof WriteOutcome.Unchanged) {
                result = new ImportReport.RowResult(row, outcome.sku(), ImportReport.Outcome.UNCHANGED, List.of());
            } else if (outcome instanceof WriteOutcome.Rejected rejected) {
                result = new ImportReport.RowResult(row, outcome.sku(), ImportReport.Outcome.REJECTED, rejected.reasons());
            } else {
                throw new IllegalStateException("An import upserts; it cannot miss a product: " + outcome);
            }
            tally.add(result);
        }
        batch.clear();
    }

    private static String message(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return firstLine(cause.getMessage() == null ? e.getMessage() : cause.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Counts rows and keeps the results the report lists (all of a small file, the rejected ones of a big one). */
    private static final class Tally {
        long rows;
        long created;
        long updated;
        long unchanged;
        long rejected;
        boolean listAll = true;
        final List<ImportReport.RowResult> results = new ArrayList<>();

        void add(ImportReport.RowResult result) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
            if (listAll && rows > LIST_ALL_UP_TO) {
                listAll = false;
                results.removeIf(r -> r.outcome() != ImportReport.Outcome.REJECTED);
            }
            if ((listAll || result.outcome() == ImportReport.Outcome.REJECTED) && results.size() < MAX_LISTED_REJECTIONS + LIST_ALL_UP_TO) {
                results.add(result);
            }
        }

        ImportReport report() {
            return new ImportReport(rows, created, updated, unchanged, rejected, listAll ? "ALL" : "REJECTED_ONLY", List.copyOf(results));
        }
    }
}
